<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>hubdesk::ActivityCharts</name>
    <message>
        <source>Run duration, last %1 days</source>
        <translation>Duración de las ejecuciones, últimos %1 días</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Unusually long</source>
        <translation>Inusualmente larga</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Median (%1 min)</source>
        <extracomment>The median run duration in minutes.</extracomment>
        <translation>Mediana (%1 min)</translation>
    </message>
    <message>
        <source>Median (needs 3 successful runs)</source>
        <translation>Mediana (requiere 3 ejecuciones correctas)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Runs per day</source>
        <translation>Ejecuciones por día</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
</context>
<context>
    <name>hubdesk::AdvancedDestinationSettings</name>
    <message>
        <source>Time-out</source>
        <translation>Tiempo de espera</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Default (4)</source>
        <translation>Predeterminado (4)</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>Primer reintento tras</translation>
    </message>
    <message>
        <source>Default (2 s)</source>
        <translation>Predeterminado (2 s)</translation>
    </message>
    <message>
        <source>Longest pause</source>
        <translation>Pausa más larga</translation>
    </message>
    <message>
        <source>Default (60 s)</source>
        <translation>Predeterminado (60 s)</translation>
    </message>
    <message>
        <source>Give up after</source>
        <translation>Abandonar tras</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Default (15 min)</source>
        <translation>Predeterminado (15 min)</translation>
    </message>
    <message>
        <source>How long the engine waits for the server before an attempt fails.</source>
        <translation>Cuánto espera el motor al servidor antes de que falle un intento.</translation>
    </message>
    <message>
        <source>How many times a delivery is tried when the failure may be temporary, such as a time-out. Test Connection tries once.</source>
        <translation>Cuántas veces se intenta una entrega cuando el fallo puede ser temporal, como un tiempo de espera agotado. Probar conexión lo intenta una vez.</translation>
    </message>
    <message>
        <source>The pause before the second attempt; each later pause is about twice as long.</source>
        <translation>La pausa antes del segundo intento; cada pausa posterior dura aproximadamente el doble.</translation>
    </message>
    <message>
        <source>No pause between attempts is longer than this.</source>
        <translation>Ninguna pausa entre intentos dura más que esto.</translation>
    </message>
    <message>
        <source>No new attempt starts this long after the first one.</source>
        <translation>No empieza ningún intento nuevo pasado este tiempo desde el primero.</translation>
    </message>
    <message>
        <source>Time-out:</source>
        <translation>Tiempo de espera:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Intentos:</translation>
    </message>
    <message>
        <source>First retry after:</source>
        <translation>Primer reintento tras:</translation>
    </message>
    <message>
        <source>Longest pause:</source>
        <translation>Pausa más larga:</translation>
    </message>
    <message>
        <source>Give up after:</source>
        <translation>Abandonar tras:</translation>
    </message>
</context>
<context>
    <name>hubdesk::ApiIntegrationForm</name>
    <message>
        <source>Test Connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>View Runs</source>
        <translation>Ver ejecuciones</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programación</translation>
    </message>
    <message>
        <source>Manage API Integration</source>
        <translation>Administrar integración de API</translation>
    </message>
    <message>
        <source>Manage API Integration: %1</source>
        <translation>Administrar integración de API: %1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <extracomment>Notes of a connector whose vendor publishes no API description; %1 is the notes.</extracomment>
        <translation>Plantilla: %1</translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation>%1 (obligatorio):</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Probando la conexión…</translation>
    </message>
    <message>
        <source>Not tested: complete the settings marked below.</source>
        <translation>Sin probar: complete los ajustes marcados abajo.</translation>
    </message>
    <message>
        <source>Connected. %1</source>
        <extracomment>The result of Test Connection; %1 is the engine&apos;s sentence.</extracomment>
        <translation>Conectado. %1</translation>
    </message>
    <message>
        <source>Connection failed. %1</source>
        <translation>Falló la conexión. %1</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Retries after an engine stop:</source>
        <translation>Reintentos tras una parada del motor:</translation>
    </message>
    <message>
        <source>Only changes since the last pull</source>
        <translation>Solo los cambios desde la última extracción</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
</context>
<context>
    <name>hubdesk::AuditLogModel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>A kind of record and its id, such as &quot;Destination 12&quot;.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Todos los distritos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Approve load</source>
        <translation>Aprobar carga</translation>
    </message>
    <message>
        <source>Reject load</source>
        <translation>Rechazar carga</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Cancelar ejecución</translation>
    </message>
    <message>
        <source>Reset secret</source>
        <translation>Restablecer secreto</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Blackout window</source>
        <translation>Periodo de bloqueo</translation>
    </message>
    <message>
        <source>File specification</source>
        <translation>Especificación de archivo</translation>
    </message>
    <message>
        <source>OneRoster application</source>
        <translation>Aplicación OneRoster</translation>
    </message>
    <message>
        <source>Notification settings</source>
        <translation>Configuración de notificaciones</translation>
    </message>
    <message>
        <source>Integration notifications</source>
        <translation>Notificaciones de la integración</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Start upload</source>
        <translation>Iniciar subida</translation>
    </message>
    <message>
        <source>Complete upload</source>
        <translation>Completar subida</translation>
    </message>
    <message>
        <source>Delete upload</source>
        <translation>Eliminar subida</translation>
    </message>
</context>
<context>
    <name>hubdesk::AuditLogPage</name>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Entradas del registro de auditoría</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Show only entries logged from the first date through the second, in the district&apos;s time zone</source>
        <translation>Mostrar solo las entradas registradas desde la primera fecha hasta la segunda, en la zona horaria del distrito</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>Cualquier usuario</translation>
    </message>
    <message>
        <source>The exact user name, such as jsmith</source>
        <translation>El nombre de usuario exacto, como jsmith</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Save every entry that matches the filters as a CSV file</source>
        <translation>Guardar en un archivo CSV todas las entradas que coinciden con los filtros</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Registro:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Acción:</translation>
    </message>
    <message>
        <source>No entries match the filters.</source>
        <translation>Ninguna entrada coincide con los filtros.</translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3</source>
        <extracomment>The entries shown on this page and the entries that match the filters.</extracomment>
        <translation>Entradas %1–%2 de %3</translation>
    </message>
    <message>
        <source>Select an entry to see the record before and after the change.</source>
        <translation>Seleccione una entrada para ver el registro antes y después del cambio.</translation>
    </message>
    <message>
        <source>%1 %2 by %3 at %4</source>
        <extracomment>An audit entry: the action, the record, the user and the time, such as &quot;Update Destination 4 by jsmith at 12/04/2026 10:15:00 AM EST&quot;.</extracomment>
        <translation>%1 %2 por %3 el %4</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>Exportando el registro de auditoría…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Saved the audit log to %1.</source>
        <translation>Se guardó el registro de auditoría en %1.</translation>
    </message>
</context>
<context>
    <name>hubdesk::AzureBlobPage</name>
    <message>
        <source>Storage account URL</source>
        <translation>URL de la cuenta de almacenamiento</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and hyphens</source>
        <translation>Letras minúsculas, dígitos y guiones</translation>
    </message>
    <message>
        <source>Blob path template</source>
        <translation>Plantilla de ruta del blob</translation>
    </message>
    <message>
        <source>Azure authentication</source>
        <translation>Autenticación de Azure</translation>
    </message>
    <message>
        <source>Shared Key (account key)</source>
        <translation>Clave compartida (clave de cuenta)</translation>
    </message>
    <message>
        <source>SAS token</source>
        <translation>Token SAS</translation>
    </message>
    <message>
        <source>Account key</source>
        <translation>Clave de cuenta</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Tamaño de bloque</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Key 1 or key 2 from the storage account&apos;s Access keys</source>
        <translation>Clave 1 o clave 2 de las claves de acceso de la cuenta de almacenamiento</translation>
    </message>
    <message>
        <source>The query string, such as sv=…&amp;sig=…</source>
        <translation>La cadena de consulta, como sv=…&amp;sig=…</translation>
    </message>
    <message>
        <source>Automatic chooses the block size from the file size. Set it only when a network or proxy needs smaller requests.</source>
        <translation>Automático elige el tamaño de bloque según el tamaño del archivo. Indíquelo solo si una red o un proxy necesita solicitudes más pequeñas.</translation>
    </message>
    <message>
        <source>Account URL:</source>
        <translation>URL de la cuenta:</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Contenedor:</translation>
    </message>
    <message>
        <source>Blob path template:</source>
        <translation>Plantilla de ruta del blob:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Autenticación:</translation>
    </message>
    <message>
        <source>Account key:</source>
        <translation>Clave de cuenta:</translation>
    </message>
    <message>
        <source>SAS token:</source>
        <translation>Token SAS:</translation>
    </message>
    <message>
        <source>Block size:</source>
        <translation>Tamaño de bloque:</translation>
    </message>
</context>
<context>
    <name>hubdesk::BundleFolderZip</name>
    <message>
        <source>The folder %1 was not found.</source>
        <translation>No se encontró la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot read the folder %1. Check that your account may open it.</source>
        <translation>No se puede leer la carpeta %1. Compruebe que su cuenta puede abrirla.</translation>
    </message>
    <message>
        <source>The folder %1 has no manifest.csv, so it is not a OneRoster bundle. Choose the folder that contains manifest.csv and the bundle&apos;s CSV files.</source>
        <translation>La carpeta %1 no tiene manifest.csv, así que no es un paquete OneRoster. Elija la carpeta que contiene manifest.csv y los archivos CSV del paquete.</translation>
    </message>
    <message>
        <source>Cannot create the zip file %1: %2</source>
        <translation>No se puede crear el archivo zip %1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1 into the zip file %2: %3</source>
        <translation>No se puede escribir %1 en el archivo zip %2: %3</translation>
    </message>
    <message>
        <source>The file %1 got shorter while it was packed. Wait until the export has finished, then upload the folder again.</source>
        <translation>El archivo %1 se acortó mientras se empaquetaba. Espere a que termine la exportación y vuelva a subir la carpeta.</translation>
    </message>
    <message>
        <source>Cannot write the zip file %1: %2</source>
        <translation>No se puede escribir el archivo zip %1: %2</translation>
    </message>
</context>
<context>
    <name>hubdesk::CatalogPage</name>
    <message>
        <source>Add Integration</source>
        <translation>Agregar integración</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Buscar en el catálogo</translation>
    </message>
    <message>
        <source>Search by system, vendor or output</source>
        <translation>Buscar por sistema, proveedor o salida</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>Add an integration of the selected product</source>
        <translation>Agregar una integración del producto seleccionado</translation>
    </message>
    <message>
        <source>Product Catalog</source>
        <translation>Catálogo de productos</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Cannot add an integration of %1: %2</source>
        <translation>No se puede agregar una integración de %1: %2</translation>
    </message>
    <message>
        <source>File Specifications</source>
        <translation>Especificaciones de archivo</translation>
    </message>
    <message>
        <source>Show how the engine reads the selected product&apos;s files</source>
        <translation>Mostrar cómo lee el motor los archivos del producto seleccionado</translation>
    </message>
    <message>
        <source>The columns, types, date formats and store mapping of this product&apos;s files</source>
        <translation>Las columnas, los tipos, los formatos de fecha y la asignación al almacén de los archivos de este producto</translation>
    </message>
    <message>
        <source>Select a product whose files are read with file specifications, such as Assessment Results or Attendance.</source>
        <translation>Seleccione un producto cuyos archivos se leen con especificaciones de archivo, como Assessment Results o Attendance.</translation>
    </message>
    <message>
        <source>No products match &quot;%1&quot;.</source>
        <translation>Ningún producto coincide con &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>hubdesk::CopyFileSpecDialog</name>
    <message>
        <source>Copy File Specification</source>
        <translation>Copiar especificación de archivo</translation>
    </message>
    <message>
        <source>The copy belongs to the district and starts with the columns and mapping of %1. Files of its product are read with the district&apos;s specifications first.</source>
        <translation>La copia pertenece al distrito y empieza con las columnas y la asignación de %1. Los archivos de su producto se leen primero con las especificaciones del distrito.</translation>
    </message>
    <message>
        <source>Key of the copy</source>
        <translation>Clave de la copia</translation>
    </message>
    <message>
        <source>1 to 63 lower-case letters, digits and hyphens</source>
        <translation>De 1 a 63 letras minúsculas, dígitos y guiones</translation>
    </message>
    <message>
        <source>Name of the copy</source>
        <translation>Nombre de la copia</translation>
    </message>
    <message>
        <source>%1 (district copy)</source>
        <extracomment>The suggested name of a district&apos;s copy of a file specification.</extracomment>
        <translation>%1 (copia del distrito)</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clave:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Cannot copy the file specification: %1</source>
        <translation>No se puede copiar la especificación de archivo: %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::DestinationListEditor</name>
    <message>
        <source>+ Destination</source>
        <translation>+ Destino</translation>
    </message>
    <message>
        <source>Add destination row</source>
        <translation>Agregar fila de destino</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Choose a destination</source>
        <translation>Elija un destino</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Change the chosen destination&apos;s settings or test its connection.</source>
        <translation>Cambie la configuración del destino elegido o pruebe su conexión.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Destination 99</source>
        <translation>Destino 99</translation>
    </message>
    <message>
        <source>Destination %1</source>
        <translation>Destino %1</translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation>Estado de %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::EngineClient</name>
    <message>
        <source>The engine at %1 refused the connection. Check that it is running and that the address is right.</source>
        <translation>El motor en %1 rechazó la conexión. Compruebe que está en ejecución y que la dirección es correcta.</translation>
    </message>
    <message>
        <source>The engine at %1 closed the connection before it answered. Check that it is still running, then try again.</source>
        <translation>El motor en %1 cerró la conexión antes de responder. Compruebe que sigue en ejecución y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The host name of %1 was not found. Check the engine address.</source>
        <translation>No se encontró el nombre de host de %1. Compruebe la dirección del motor.</translation>
    </message>
    <message>
        <source>The engine at %1 did not answer in time. Try again; if it keeps happening, check the engine log.</source>
        <translation>El motor en %1 no respondió a tiempo. Vuelva a intentarlo; si sigue ocurriendo, revise el registro del motor.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed. Check the engine&apos;s certificate.</source>
        <translation>Falló la conexión segura con %1. Compruebe el certificado del motor.</translation>
    </message>
    <message>
        <source>The network connection was lost. Check the network, then try again.</source>
        <translation>Se perdió la conexión de red. Compruebe la red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The system does not allow network requests in the background.</source>
        <translation>El sistema no permite solicitudes de red en segundo plano.</translation>
    </message>
    <message>
        <source>The engine at %1 redirected the request too many times. Check the engine address.</source>
        <translation>El motor en %1 redirigió la solicitud demasiadas veces. Compruebe la dirección del motor.</translation>
    </message>
    <message>
        <source>The engine at %1 redirected a secure request to an insecure address; the request was stopped.</source>
        <translation>El motor en %1 redirigió una solicitud segura a una dirección no segura; se detuvo la solicitud.</translation>
    </message>
    <message>
        <source>The proxy server failed to reach the engine at %1. Check the proxy settings.</source>
        <translation>El servidor proxy no pudo llegar al motor en %1. Compruebe la configuración del proxy.</translation>
    </message>
    <message>
        <source>The proxy server requires a sign-in. Check the proxy settings.</source>
        <translation>El servidor proxy requiere iniciar sesión. Compruebe la configuración del proxy.</translation>
    </message>
    <message>
        <source>The engine at %1 denied access.</source>
        <translation>El motor en %1 denegó el acceso.</translation>
    </message>
    <message>
        <source>The engine at %1 has no resource at %2.</source>
        <translation>El motor en %1 no tiene ningún recurso en %2.</translation>
    </message>
    <message>
        <source>The request to %1 could not be sent again. Try again.</source>
        <translation>No se pudo volver a enviar la solicitud a %1. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The engine at %1 reported a conflict with the current state.</source>
        <translation>El motor en %1 informó de un conflicto con el estado actual.</translation>
    </message>
    <message>
        <source>The resource %1 no longer exists on the engine.</source>
        <translation>El recurso %1 ya no existe en el motor.</translation>
    </message>
    <message>
        <source>The address %1 does not use http or https.</source>
        <translation>La dirección %1 no usa http ni https.</translation>
    </message>
    <message>
        <source>The answer from %1 was not valid HTTP. Check that the address belongs to a Hubdesk engine.</source>
        <translation>La respuesta de %1 no era HTTP válido. Compruebe que la dirección pertenece a un motor de Hubdesk.</translation>
    </message>
    <message>
        <source>The engine at %1 failed to process the request. See the engine log.</source>
        <translation>El motor en %1 no pudo procesar la solicitud. Consulte el registro del motor.</translation>
    </message>
    <message>
        <source>The request to %1 failed with network error %2.</source>
        <translation>La solicitud a %1 falló con el error de red %2.</translation>
    </message>
    <message>
        <source>The engine at %1 sent no HTTP status.</source>
        <translation>El motor en %1 no envió ningún estado HTTP.</translation>
    </message>
    <message>
        <source>The engine&apos;s answer to %1 is not valid JSON: %2</source>
        <translation>La respuesta del motor a %1 no es JSON válido: %2</translation>
    </message>
    <message>
        <source>The certificate of the engine at %1 is for %2, not for %1. Connect with a name that the certificate lists, or ask the engine&apos;s administrator for a certificate that includes %1.</source>
        <translation>El certificado del motor en %1 es para %2, no para %1. Conéctese con un nombre que figure en el certificado o pida al administrador del motor un certificado que incluya %1.</translation>
    </message>
    <message>
        <source>The certificate of the engine at %1 expired on %2. Ask the engine&apos;s administrator to renew it.</source>
        <translation>El certificado del motor en %1 caducó el %2. Pida al administrador del motor que lo renueve.</translation>
    </message>
    <message>
        <source>The certificate of the engine at %1 is not valid before %2. Check the date and time of this computer.</source>
        <translation>El certificado del motor en %1 no es válido antes del %2. Compruebe la fecha y la hora de este equipo.</translation>
    </message>
    <message>
        <source>This computer does not trust the certificate of the engine at %1 (issued by %2). If the district has its own certificate authority, choose its CA file in the sign-in dialog, or start hubdesk with --ca-file FILE. Otherwise ask the engine&apos;s administrator for a certificate from a trusted authority.</source>
        <translation>Este equipo no confía en el certificado del motor en %1 (emitido por %2). Si el distrito tiene su propia autoridad de certificación, elija su archivo de CA en el diálogo de inicio de sesión o inicie hubdesk con --ca-file ARCHIVO. Si no, pida al administrador del motor un certificado de una autoridad de confianza.</translation>
    </message>
    <message>
        <source>an unknown issuer</source>
        <translation>un emisor desconocido</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>sin detalles</translation>
    </message>
    <message>
        <source>The secure connection to the engine at %1 failed: %2. Check the engine&apos;s certificate.</source>
        <translation>Falló la conexión segura con el motor en %1: %2. Compruebe el certificado del motor.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2. Check the path.</source>
        <translation>No se puede leer el archivo de CA %1: %2. Compruebe la ruta.</translation>
    </message>
    <message>
        <source>The CA file %1 contains no PEM certificate (a block that begins with &quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation>El archivo de CA %1 no contiene ningún certificado PEM (un bloque que empieza por &quot;-----BEGIN CERTIFICATE-----&quot;).</translation>
    </message>
    <message>
        <source>The chosen CA file does not vouch for the certificate of the engine at %1 (issued by %2). Choose the CA file of the authority that issued it, or ask the engine&apos;s administrator which file to use.</source>
        <translation>El archivo de CA elegido no respalda el certificado del motor en %1 (emitido por %2). Elija el archivo de CA de la autoridad que lo emitió o pregunte al administrador del motor qué archivo usar.</translation>
    </message>
    <message>
        <source>The engine no longer accepts this connection&apos;s token. Sign in again, or reconnect to the engine.</source>
        <translation>El motor ya no acepta el token de esta conexión. Vuelva a iniciar sesión o a conectarse al motor.</translation>
    </message>
    <message>
        <source>Your role does not allow this action. Ask a district administrator.</source>
        <translation>Su rol no permite esta acción. Pídala a un administrador del distrito.</translation>
    </message>
    <message>
        <source>%1 It may have been deleted; refresh the page.</source>
        <translation>%1 Es posible que se haya eliminado; actualice la página.</translation>
    </message>
    <message>
        <source>The engine does not offer this action. It may be an older version than this console.</source>
        <translation>El motor no ofrece esta acción. Puede que su versión sea anterior a la de esta consola.</translation>
    </message>
    <message>
        <source>This integration is inbound, so it runs when a file is uploaded to it. Use Upload File… on the Integrations page.</source>
        <translation>Esta integración es de entrada, así que se ejecuta cuando se le sube un archivo. Use Subir archivo… en la página Integraciones.</translation>
    </message>
    <message>
        <source>The district has as many unfinished uploads as the engine allows. Wait until one of them ends or expires, or ask an administrator to delete one.</source>
        <translation>El distrito tiene tantas subidas sin terminar como permite el motor. Espere a que una termine o caduque, o pida a un administrador que elimine una.</translation>
    </message>
    <message>
        <source>The engine cannot do this in the current state. Refresh the page and try again.</source>
        <translation>El motor no puede hacer esto en el estado actual. Actualice la página e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>%1 Correct the marked fields and try again.</source>
        <translation>%1 Corrija los campos marcados e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Some values are invalid.</source>
        <translation>Algunos valores no son válidos.</translation>
    </message>
    <message>
        <source>The engine received too many requests from this computer. Wait a moment and try again.</source>
        <translation>El motor recibió demasiadas solicitudes de este equipo. Espere un momento e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The engine failed to process the request: %1 See the engine log for details.</source>
        <translation>El motor no pudo procesar la solicitud: %1 Consulte el registro del motor para ver los detalles.</translation>
    </message>
    <message>
        <source>The engine failed to process the request. See the engine log for details.</source>
        <translation>El motor no pudo procesar la solicitud. Consulte el registro del motor para ver los detalles.</translation>
    </message>
    <message>
        <source>The engine rejected the request: %1</source>
        <translation>El motor rechazó la solicitud: %1</translation>
    </message>
    <message>
        <source>The engine rejected the request. The console and the engine may be of different versions.</source>
        <translation>El motor rechazó la solicitud. Puede que la consola y el motor sean de versiones distintas.</translation>
    </message>
</context>
<context>
    <name>hubdesk::EngineLauncher</name>
    <message>
        <source>The engine executable hubd was not found in %1. Set HUBDESK_HUBD to its path.</source>
        <translation>No se encontró el ejecutable del motor hubd en %1. Defina HUBDESK_HUBD con su ruta.</translation>
    </message>
    <message>
        <source>The engine executable %1 does not exist or is not executable. Set HUBDESK_HUBD to the path of hubd.</source>
        <translation>El ejecutable del motor %1 no existe o no es ejecutable. Defina HUBDESK_HUBD con la ruta de hubd.</translation>
    </message>
    <message>
        <source>Cannot create the engine&apos;s data folder %1. Check its permissions or choose another folder with --data-dir.</source>
        <translation>No se puede crear la carpeta de datos del motor %1. Compruebe sus permisos o elija otra carpeta con --data-dir.</translation>
    </message>
    <message>
        <source>The engine reported the address %1, which is not a port on 127.0.0.1.</source>
        <translation>El motor informó la dirección %1, que no es un puerto en 127.0.0.1.</translation>
    </message>
    <message>
        <source>Cannot start the engine %1: %2</source>
        <translation>No se puede iniciar el motor %1: %2</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>se bloqueó</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>terminó con el código %1</translation>
    </message>
    <message>
        <source>Its last messages:</source>
        <translation>Sus últimos mensajes:</translation>
    </message>
    <message>
        <source>The engine %1 %2 before it was ready.</source>
        <translation>El motor %1 %2 antes de estar listo.</translation>
    </message>
    <message>
        <source>The engine %1 did not report its address within %2 seconds.</source>
        <translation>El motor %1 no informó su dirección en %2 segundos.</translation>
    </message>
    <message>
        <source>The engine&apos;s data folder %1 is in use by another engine (hubd, process %2), probably started by another Hubdesk console.

Close that console or stop that process, then start Hubdesk again. To run a second console at the same time, start it with --data-dir and another folder.</source>
        <translation>La carpeta de datos del motor %1 está en uso por otro motor (hubd, proceso %2), probablemente iniciado por otra consola de Hubdesk.

Cierre esa consola o detenga ese proceso y vuelva a iniciar Hubdesk. Para ejecutar una segunda consola a la vez, iníciela con --data-dir y otra carpeta.</translation>
    </message>
    <message>
        <source>The local engine %1 %2.</source>
        <translation>El motor local %1 %2.</translation>
    </message>
</context>
<context>
    <name>hubdesk::FieldErrors</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileSpecColumnDelegate</name>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Store column</source>
        <translation>Columna del almacén</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>Formato de fecha</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A date format and an example date in it, such as &quot;d/M/yyyy (25/1/2026)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>Longitud máxima</translation>
    </message>
    <message>
        <source>Default limit</source>
        <extracomment>The placeholder of an empty maximum length: the engine&apos;s default limit applies.</extracomment>
        <translation>Límite predeterminado</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileSpecColumnModel</name>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Integer</source>
        <translation>Entero</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Enumeration</source>
        <extracomment>A column type: one of a list of values.</extracomment>
        <translation>Enumeración</translation>
    </message>
    <message>
        <source>Yes or no</source>
        <translation>Sí o no</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Año escolar</translation>
    </message>
    <message>
        <source>Keep in extensions</source>
        <extracomment>A file column without a store column keeps its values in the record&apos;s extensions.</extracomment>
        <translation>Conservar en extensiones</translation>
    </message>
    <message>
        <source>File Column</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <source>Store Column</source>
        <translation>Columna del almacén</translation>
    </message>
    <message>
        <source>Date Format</source>
        <translation>Formato de fecha</translation>
    </message>
    <message>
        <source>Allowed Values</source>
        <translation>Valores permitidos</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>Natural Key</source>
        <translation>Clave natural</translation>
    </message>
    <message>
        <source>The column&apos;s header in the file</source>
        <translation>El encabezado de la columna en el archivo</translation>
    </message>
    <message>
        <source>How the engine reads and checks the column&apos;s values</source>
        <translation>Cómo lee y comprueba el motor los valores de la columna</translation>
    </message>
    <message>
        <source>Whether every row must have a value</source>
        <translation>Si cada fila debe tener un valor</translation>
    </message>
    <message>
        <source>The store column that the value goes to</source>
        <translation>La columna del almacén a la que va el valor</translation>
    </message>
    <message>
        <source>The order of day, month and year in the column&apos;s dates</source>
        <translation>El orden de día, mes y año en las fechas de la columna</translation>
    </message>
    <message>
        <source>The values an enumeration or yes-or-no column accepts</source>
        <translation>Los valores que acepta una columna de enumeración o de sí o no</translation>
    </message>
    <message>
        <source>The smallest number the column accepts</source>
        <translation>El número más pequeño que acepta la columna</translation>
    </message>
    <message>
        <source>The largest number the column accepts</source>
        <translation>El número más grande que acepta la columna</translation>
    </message>
    <message>
        <source>The columns that together identify a row of the file</source>
        <translation>Las columnas que juntas identifican una fila del archivo</translation>
    </message>
    <message>
        <source>%1 (any case)</source>
        <extracomment>The allowed values of an enumeration that matches them in any letter case.</extracomment>
        <translation>%1 (mayúsculas o minúsculas)</translation>
    </message>
    <message>
        <source>yes: %1 · no: %2</source>
        <extracomment>The values that read as yes and as no, such as &quot;Yes; Y&quot; and &quot;No; N&quot;.</extracomment>
        <translation>sí: %1 · no: %2</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Columna %1</translation>
    </message>
    <message>
        <source>Max Length</source>
        <translation>Longitud máxima</translation>
    </message>
    <message>
        <source>The maximum number of characters of a text value</source>
        <translation>El número máximo de caracteres de un valor de texto</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileSpecConstantsDialog</name>
    <message>
        <source>Remove Constant</source>
        <translation>Quitar constante</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>Constantes</translation>
    </message>
    <message>
        <source>Every row of the file gets these values in these store columns. A store column that a file column fills cannot have a constant too.</source>
        <translation>Cada fila del archivo recibe estos valores en estas columnas del almacén. Una columna del almacén que llena una columna del archivo no puede tener también una constante.</translation>
    </message>
    <message>
        <source>Store Column</source>
        <translation>Columna del almacén</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Add Constant</source>
        <translation>Añadir constante</translation>
    </message>
    <message>
        <source>%1 has two constants. Remove one of them.</source>
        <translation>%1 tiene dos constantes. Quite una de ellas.</translation>
    </message>
    <message>
        <source>The constant for %1 has no value. Enter one, or remove the constant.</source>
        <translation>La constante de %1 no tiene valor. Escriba uno o quite la constante.</translation>
    </message>
    <message>
        <source>Store column of constant %1</source>
        <translation>Columna del almacén de la constante %1</translation>
    </message>
    <message>
        <source>Value of constant %1</source>
        <translation>Valor de la constante %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileSpecsPage</name>
    <message>
        <source>One value per line</source>
        <translation>Un valor por línea</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>Copiar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Keep columns that the specification does not declare, in extensions</source>
        <translation>Conservar en extensiones las columnas que la especificación no declara</translation>
    </message>
    <message>
        <source>Add Column</source>
        <translation>Añadir columna</translation>
    </message>
    <message>
        <source>Remove Column</source>
        <translation>Quitar columna</translation>
    </message>
    <message>
        <source>Allowed values</source>
        <translation>Valores permitidos</translation>
    </message>
    <message>
        <source>Match in any letter case</source>
        <translation>Coincidir en mayúsculas o minúsculas</translation>
    </message>
    <message>
        <source>Values that mean yes</source>
        <translation>Valores que significan sí</translation>
    </message>
    <message>
        <source>Values that mean no</source>
        <translation>Valores que significan no</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>File Specifications</source>
        <translation>Especificaciones de archivo</translation>
    </message>
    <message>
        <source>A file specification says how the engine reads an assessment or attendance file: its columns, their types and date formats, and the store column each one fills. Copy a specification to change its mapping for the district.</source>
        <translation>Una especificación de archivo indica cómo lee el motor un archivo de evaluaciones o de asistencia: sus columnas, sus tipos y formatos de fecha, y la columna del almacén que llena cada una. Copie una especificación para cambiar su asignación para el distrito.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Todos los productos</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Producto:</translation>
    </message>
    <message>
        <source>File specifications</source>
        <translation>Especificaciones de archivo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Store Table</source>
        <translation>Tabla del almacén</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Copy the selected file specification</source>
        <translation>Copiar la especificación de archivo seleccionada</translation>
    </message>
    <message>
        <source>Delete the selected file specification</source>
        <translation>Eliminar la especificación de archivo seleccionada</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Without it, a column that the specification does not declare gives a warning and its values are not kept.</source>
        <translation>Sin esta opción, una columna que la especificación no declara produce una advertencia y sus valores no se conservan.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clave:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Producto:</translation>
    </message>
    <message>
        <source>Store table:</source>
        <translation>Tabla del almacén:</translation>
    </message>
    <message>
        <source>Copied from:</source>
        <translation>Copiada de:</translation>
    </message>
    <message>
        <source>Constants:</source>
        <extracomment>Store columns that every row gets with a fixed value, such as subject = ELA.</extracomment>
        <translation>Constantes:</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Columnas del archivo</translation>
    </message>
    <message>
        <source>Add a column below the selected one</source>
        <translation>Añadir una columna debajo de la seleccionada</translation>
    </message>
    <message>
        <source>Remove the selected column</source>
        <translation>Quitar la columna seleccionada</translation>
    </message>
    <message>
        <source>Save the file specification</source>
        <translation>Guardar la especificación de archivo</translation>
    </message>
    <message>
        <source>Revert to the saved file specification</source>
        <translation>Volver a la especificación de archivo guardada</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>&amp;Valores:</translation>
    </message>
    <message>
        <source>&amp;Yes values:</source>
        <translation>Valores de &amp;sí:</translation>
    </message>
    <message>
        <source>N&amp;o values:</source>
        <translation>Valores de &amp;no:</translation>
    </message>
    <message>
        <source>Cannot load the file specifications: %1</source>
        <translation>No se pueden cargar las especificaciones de archivo: %1</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Integrada</translation>
    </message>
    <message>
        <source>District, copied from %1</source>
        <extracomment>The origin of a district&apos;s specification: the one it was copied from.</extracomment>
        <translation>Del distrito, copiada de %1</translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Discard them, or cancel and save them first.</source>
        <translation>%1 tiene cambios sin guardar. Descártelos, o cancele y guárdelos primero.</translation>
    </message>
    <message>
        <source>Built in; copy it to change the mapping.</source>
        <translation>Integrada; cópiela para cambiar la asignación.</translation>
    </message>
    <message>
        <source>A %1 column has no list of allowed values.</source>
        <translation>Una columna de tipo %1 no tiene lista de valores permitidos.</translation>
    </message>
    <message>
        <source>Select an enumeration or yes-or-no column to see its allowed values.</source>
        <translation>Seleccione una columna de enumeración o de sí o no para ver sus valores permitidos.</translation>
    </message>
    <message>
        <source>Allowed Values of %1</source>
        <extracomment>The title of the box with the allowed values of the selected column.</extracomment>
        <translation>Valores permitidos de %1</translation>
    </message>
    <message>
        <source>Allowed Values</source>
        <translation>Valores permitidos</translation>
    </message>
    <message>
        <source>Save or revert the changes before you copy.</source>
        <translation>Guarde o revierta los cambios antes de copiar.</translation>
    </message>
    <message>
        <source>Make the district&apos;s own copy to change its mapping.</source>
        <translation>Haga una copia propia del distrito para cambiar su asignación.</translation>
    </message>
    <message>
        <source>Built-in specifications cannot be changed or deleted. Copy one to make the district&apos;s own.</source>
        <translation>Las especificaciones integradas no se pueden cambiar ni eliminar. Copie una para tener la propia del distrito.</translation>
    </message>
    <message>
        <source>Copied to %1. Change its mapping, then save.</source>
        <translation>Copiada como %1. Cambie su asignación y guarde.</translation>
    </message>
    <message>
        <source>Cannot save the file specification: %1</source>
        <translation>No se puede guardar la especificación de archivo: %1</translation>
    </message>
    <message>
        <source>Saved %1. It applies to files that arrive from now on.</source>
        <translation>Se guardó %1. Se aplica a los archivos que lleguen a partir de ahora.</translation>
    </message>
    <message>
        <source>Delete File Specification?</source>
        <translation>¿Eliminar la especificación de archivo?</translation>
    </message>
    <message>
        <source>Delete %1? Files that arrive afterwards are read with the other specifications of %2.</source>
        <translation>¿Eliminar %1? Los archivos que lleguen después se leerán con las demás especificaciones de %2.</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>No se puede eliminar %1: %2</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Se eliminó %1.</translation>
    </message>
    <message>
        <source>Natural key: none. Tick the columns that together identify a row.</source>
        <translation>Clave natural: ninguna. Marque las columnas que juntas identifican una fila.</translation>
    </message>
    <message>
        <source>Natural key: %1</source>
        <extracomment>The columns that together identify a row, in order.</extracomment>
        <translation>Clave natural: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <extracomment>A store column and the fixed value that every row gets in it.</extracomment>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Constants…</source>
        <translation>Constantes…</translation>
    </message>
    <message>
        <source>Change the constants</source>
        <translation>Cambiar las constantes</translation>
    </message>
    <message>
        <source>Save Changes?</source>
        <translation>¿Guardar los cambios?</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them before leaving the page?</source>
        <translation>%1 tiene cambios sin guardar. ¿Desea guardarlos antes de salir de la página?</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileUpload</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>The file %1 is empty; choose a file with data.</source>
        <translation>El archivo %1 está vacío; elija un archivo con datos.</translation>
    </message>
    <message>
        <source>The upload of %1 was cancelled.</source>
        <translation>Se canceló la subida de %1.</translation>
    </message>
</context>
<context>
    <name>hubdesk::FolderPage</name>
    <message>
        <source>Folder path</source>
        <translation>Ruta de la carpeta</translation>
    </message>
    <message>
        <source>An absolute path on the engine&apos;s computer</source>
        <translation>Una ruta absoluta en el equipo del motor</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>Plantilla de nombre de archivo</translation>
    </message>
    <message>
        <source>Browse for the folder</source>
        <translation>Buscar la carpeta</translation>
    </message>
    <message>
        <source>Folder path:</source>
        <translation>Ruta de la carpeta:</translation>
    </message>
    <message>
        <source>File name template:</source>
        <translation>Plantilla de nombre de archivo:</translation>
    </message>
    <message>
        <source>Choose the Folder</source>
        <translation>Elegir la carpeta</translation>
    </message>
</context>
<context>
    <name>hubdesk::HeadlessDemo</name>
    <message>
        <source>The demo runs only against the local demo engine that it starts, not against the engine at %1, because its run delivers a real report.</source>
        <translation>La demostración solo se ejecuta contra el motor de demostración local que inicia, no contra el motor en %1, porque su ejecución entrega un informe real.</translation>
    </message>
    <message>
        <source>Using the engine at %1.</source>
        <translation>Usando el motor en %1.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the engine: %1</source>
        <translation>No se puede crear una carpeta temporal para el motor: %1</translation>
    </message>
    <message>
        <source>The engine is ready at %1.</source>
        <translation>El motor está listo en %1.</translation>
    </message>
    <message>
        <source>Starting the local engine %1 with the demo district in %2.</source>
        <translation>Iniciando el motor local %1 con el distrito de demostración en %2.</translation>
    </message>
    <message>
        <source>The engine&apos;s health check failed: %1</source>
        <translation>Falló la comprobación de estado del motor: %1</translation>
    </message>
    <message>
        <source>The district&apos;s time zone %1 is not a known IANA zone.</source>
        <translation>La zona horaria del distrito %1 no es una zona IANA conocida.</translation>
    </message>
    <message>
        <source>Connected to the district &quot;%1&quot; in the time zone %2.</source>
        <translation>Conectado al distrito &quot;%1&quot; en la zona horaria %2.</translation>
    </message>
    <message>
        <source>Cannot list the outbound integrations: %1</source>
        <translation>No se pueden listar las integraciones de salida: %1</translation>
    </message>
    <message>
        <source>No outbound integration sends &quot;%1&quot;; the engine has %2 outbound integrations. Start the engine with --demo to create the demo integrations.</source>
        <translation>Ninguna integración de salida envía &quot;%1&quot;; el motor tiene %2 integraciones de salida. Inicie el motor con --demo para crear las integraciones de demostración.</translation>
    </message>
    <message>
        <source>Running integration %1: %2.</source>
        <translation>Ejecutando la integración %1: %2.</translation>
    </message>
    <message>
        <source>Cannot start the run: %1</source>
        <translation>No se puede iniciar la ejecución: %1</translation>
    </message>
    <message>
        <source>Queued Integration Instance Id %1.</source>
        <translation>En cola: Id. de instancia de integración %1.</translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation>No se puede leer la ejecución %1: %2</translation>
    </message>
    <message>
        <source>%1, phase %2</source>
        <translation>%1, fase %2</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Ejecución %1: %2</translation>
    </message>
    <message>
        <source>Run %1 did not finish within %2 seconds; it is still %3.</source>
        <translation>La ejecución %1 no terminó en %2 segundos; sigue en estado %3.</translation>
    </message>
    <message>
        <source>Cannot list today&apos;s runs: %1</source>
        <translation>No se pueden listar las ejecuciones de hoy: %1</translation>
    </message>
    <message>
        <source>Runbook Activities for %1 (%2):</source>
        <translation>Actividades del registro de ejecuciones del %1 (%2):</translation>
    </message>
    <message>
        <source>Phases of Integration Instance Id %1:</source>
        <translation>Fases del Id. de instancia de integración %1:</translation>
    </message>
    <message>
        <source>Phase Name</source>
        <translation>Nombre de la fase</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Rows Read</source>
        <translation>Filas leídas</translation>
    </message>
    <message>
        <source>Rows Written</source>
        <translation>Filas escritas</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Run message: %1</source>
        <translation>Mensaje de la ejecución: %1</translation>
    </message>
    <message>
        <source>Cannot list the destinations: %1</source>
        <translation>No se pueden listar los destinos: %1</translation>
    </message>
    <message>
        <source>The run wrote no file.</source>
        <translation>La ejecución no escribió ningún archivo.</translation>
    </message>
    <message>
        <source>The integration has no active folder destination, so there is no local file to show.</source>
        <translation>La integración no tiene ningún destino de carpeta activo, así que no hay ningún archivo local que mostrar.</translation>
    </message>
    <message>
        <source>Cannot read the delivered file %1: %2</source>
        <translation>No se puede leer el archivo entregado %1: %2</translation>
    </message>
    <message>
        <source>Delivered file: %1</source>
        <translation>Archivo entregado: %1</translation>
    </message>
    <message>
        <source>First %1 lines:</source>
        <translation>Primeras %1 líneas:</translation>
    </message>
    <message>
        <source>Rows after the header line: %1</source>
        <translation>Filas tras la línea de encabezado: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Stopping the local engine.</source>
        <translation>Deteniendo el motor local.</translation>
    </message>
    <message>
        <source>The engine&apos;s data stays in %1; delete that folder when done.</source>
        <translation>Los datos del motor quedan en %1; elimine esa carpeta cuando termine.</translation>
    </message>
    <message>
        <source>Demo finished: the run succeeded.</source>
        <translation>Demostración terminada: la ejecución se completó correctamente.</translation>
    </message>
    <message>
        <source>Demo finished with errors (exit code %1).</source>
        <translation>Demostración terminada con errores (código de salida %1).</translation>
    </message>
</context>
<context>
    <name>hubdesk::HttpsPage</name>
    <message>
        <source>HTTPS URL</source>
        <translation>URL HTTPS</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>Método HTTP</translation>
    </message>
    <message>
        <source>HTTPS authentication</source>
        <translation>Autenticación HTTPS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Token de portador</translation>
    </message>
    <message>
        <source>Basic (user name and password)</source>
        <translation>Básica (nombre de usuario y contraseña)</translation>
    </message>
    <message>
        <source>HTTPS user name</source>
        <translation>Nombre de usuario HTTPS</translation>
    </message>
    <message>
        <source>HTTPS password</source>
        <translation>Contraseña HTTPS</translation>
    </message>
    <message>
        <source>CA certificates file</source>
        <translation>Archivo de certificados de CA</translation>
    </message>
    <message>
        <source>Optional: a PEM file on the engine&apos;s computer</source>
        <translation>Opcional: un archivo PEM en el equipo del motor</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clave del cliente</translation>
    </message>
    <message>
        <source>Client key passphrase</source>
        <translation>Frase de contraseña de la clave del cliente</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>Plantilla de nombre de archivo</translation>
    </message>
    <message>
        <source>Extra certificate authorities to trust besides the system&apos;s, for a server with a private CA.</source>
        <translation>Autoridades de certificación adicionales en las que confiar además de las del sistema, para un servidor con una CA privada.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Browse for the CA certificates file</source>
        <translation>Buscar el archivo de certificados de CA</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificado del cliente</translation>
    </message>
    <message>
        <source>Optional: the PEM certificate that the server requires of the engine</source>
        <translation>Opcional: el certificado PEM que el servidor exige al motor</translation>
    </message>
    <message>
        <source>Load from File…</source>
        <translation>Cargar desde archivo…</translation>
    </message>
    <message>
        <source>Load the client certificate from a file</source>
        <translation>Cargar el certificado del cliente desde un archivo</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (PEM)</source>
        <translation>La clave privada del certificado (PEM)</translation>
    </message>
    <message>
        <source>Load the Client Key</source>
        <translation>Cargar la clave del cliente</translation>
    </message>
    <message>
        <source>Only if the key has one</source>
        <translation>Solo si la clave tiene una</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Método:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Autenticación:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>CA certificates:</source>
        <translation>Certificados de CA:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificado del cliente:</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clave del cliente:</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Frase de contraseña de la clave:</translation>
    </message>
    <message>
        <source>File name template:</source>
        <translation>Plantilla de nombre de archivo:</translation>
    </message>
    <message>
        <source>Choose the CA Certificates File</source>
        <translation>Elegir el archivo de certificados de CA</translation>
    </message>
    <message>
        <source>Load the Client Certificate</source>
        <translation>Cargar el certificado del cliente</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 KiB, so it is not a certificate.</source>
        <translation>El archivo %1 supera los %2 KiB, así que no es un certificado.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
</context>
<context>
    <name>hubdesk::InboundIntegrationForm</name>
    <message>
        <source>Manage Inbound Integration</source>
        <translation>Administrar integración de entrada</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>System notes</source>
        <translation>Notas del sistema</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Approval of Large Deletions</source>
        <translation>Aprobación de eliminaciones grandes</translation>
    </message>
    <message>
        <source>Largest share of a kind of record marked to be deleted without approval, in percent</source>
        <translation>Mayor porcentaje de un tipo de registro que se marca para eliminar sin aprobación</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>An Inactive integration takes no files.</source>
        <translation>Una integración inactiva no acepta archivos.</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>System type:</source>
        <translation>Tipo de sistema:</translation>
    </message>
    <message>
        <source>Vendor:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>Sistema:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Producto:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Archivos:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Año:</translation>
    </message>
    <message>
        <source>System notes:</source>
        <translation>Notas del sistema:</translation>
    </message>
    <message>
        <source>Retries after an engine stop:</source>
        <translation>Reintentos tras una parada del motor:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>%</source>
        <extracomment>The unit after the number in the deletion limit&apos;s spin box.</extracomment>
        <translation> %</translation>
    </message>
    <message>
        <source>Hold a load that marks more than %1 of a kind of record to be deleted</source>
        <extracomment>%1 is a spin box with the percentage, such as 10%.</extracomment>
        <translation>Retener una carga que marque para eliminar más del %1 de un tipo de registro</translation>
    </message>
    <message>
        <source>A held load waits in Runbook Activities for an operator to approve or reject it. 0 holds any load that marks a record to be deleted, and 100 holds none.</source>
        <translation>Una carga retenida espera en Actividades de ejecución a que un operador la apruebe o la rechace. 0 retiene cualquier carga que marque un registro para eliminar, y 100 no retiene ninguna.</translation>
    </message>
    <message>
        <source>Manage Inbound Integration: %1</source>
        <translation>Administrar integración de entrada: %1</translation>
    </message>
    <message>
        <source>A OneRoster CSV bundle, as a zip or a folder, or one OneRoster XML file</source>
        <translation>Un paquete CSV de OneRoster, como zip o carpeta, o un archivo XML de OneRoster</translation>
    </message>
    <message>
        <source>One CSV or XML file, read with the product&apos;s file specifications</source>
        <translation>Un archivo CSV o XML, leído con las especificaciones de archivo del producto</translation>
    </message>
    <message>
        <source>Current Year</source>
        <translation>Año actual</translation>
    </message>
</context>
<context>
    <name>hubdesk::IntegrationActivityPage</name>
    <message>
        <source>Back to Integrations</source>
        <translation>Volver a Integraciones</translation>
    </message>
    <message>
        <source>Open in Runbook</source>
        <translation>Abrir en Actividades de ejecución</translation>
    </message>
    <message>
        <source>Run duration chart</source>
        <translation>Gráfico de duración de las ejecuciones</translation>
    </message>
    <message>
        <source>Runs per day chart</source>
        <translation>Gráfico de ejecuciones por día</translation>
    </message>
    <message>
        <source>Last runs</source>
        <translation>Últimas ejecuciones</translation>
    </message>
    <message>
        <source>Last Runs</source>
        <translation>Últimas ejecuciones</translation>
    </message>
    <message>
        <source>Integration Activity</source>
        <translation>Actividad de la integración</translation>
    </message>
    <message>
        <source>Cannot load the activity: %1</source>
        <translation>No se puede cargar la actividad: %1</translation>
    </message>
    <message>
        <source>Integration Activity: %1</source>
        <translation>Actividad de la integración: %1</translation>
    </message>
    <message>
        <source>Last %1 days: %2 succeeded, %3 failed.</source>
        <translation>Últimos %1 días: %2 correctas, %3 fallidas.</translation>
    </message>
    <message>
        <source>Median duration %1. Runs over %2 times the median: %3.</source>
        <extracomment>%1 is a duration as HH:MM:SS, %2 the factor such as 3, %3 a number of runs.</extracomment>
        <translation>Duración mediana %1. Ejecuciones de más de %2 veces la mediana: %3.</translation>
    </message>
    <message>
        <source>The median duration needs at least 3 successful runs.</source>
        <translation>La duración mediana requiere al menos 3 ejecuciones correctas.</translation>
    </message>
    <message>
        <source>Cannot load the last runs: %1</source>
        <translation>No se pueden cargar las últimas ejecuciones: %1</translation>
    </message>
    <message>
        <source>Next scheduled run: unknown (%1)</source>
        <translation>Próxima ejecución programada: desconocida (%1)</translation>
    </message>
    <message>
        <source>Next scheduled run: none</source>
        <translation>Próxima ejecución programada: ninguna</translation>
    </message>
    <message>
        <source>Next scheduled run: none. %1</source>
        <translation>Próxima ejecución programada: ninguna. %1</translation>
    </message>
    <message>
        <source>Next scheduled run: %1</source>
        <translation>Próxima ejecución programada: %1</translation>
    </message>
    <message>
        <source>Next scheduled run: %1, held by %2</source>
        <translation>Próxima ejecución programada: %1, retenida por %2</translation>
    </message>
</context>
<context>
    <name>hubdesk::IntegrationsPage</name>
    <message>
        <source>Show all</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Add Integration</source>
        <translation>Agregar integración</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>Ejecutar ahora</translation>
    </message>
    <message>
        <source>Upload File…</source>
        <translation>Subir archivo…</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>%1 integrations</source>
        <translation>Integraciones de %1</translation>
    </message>
    <message>
        <source>No %1 integrations to show. Use Add Integration to add one from the catalog.</source>
        <translation>No hay integraciones de %1 que mostrar. Use Agregar integración para agregar una desde el catálogo.</translation>
    </message>
    <message>
        <source>Show inactive integrations too</source>
        <translation>Mostrar también las integraciones inactivas</translation>
    </message>
    <message>
        <source>Add integration</source>
        <translation>Agregar integración</translation>
    </message>
    <message>
        <source>Edit the selected integration</source>
        <translation>Editar la integración seleccionada</translation>
    </message>
    <message>
        <source>Run the selected integration now</source>
        <translation>Ejecutar ahora la integración seleccionada</translation>
    </message>
    <message>
        <source>Upload a file to the selected inbound integration</source>
        <translation>Subir un archivo a la integración de entrada seleccionada</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integraciones</translation>
    </message>
    <message>
        <source>Upload File</source>
        <translation>Subir archivo</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Show the selected integration&apos;s activity, last runs and next run</source>
        <translation>Mostrar la actividad, las últimas ejecuciones y la próxima ejecución de la integración seleccionada</translation>
    </message>
    <message>
        <source>No %1 integrations to show. A district administrator can add one.</source>
        <translation>No hay integraciones de %1 que mostrar. Un administrador del distrito puede agregar una.</translation>
    </message>
    <message>
        <source>Cancel Upload</source>
        <translation>Cancelar subida</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Progreso de la subida</translation>
    </message>
    <message>
        <source>Cancel the running upload</source>
        <translation>Cancelar la subida en curso</translation>
    </message>
    <message>
        <source>Wait until the upload of %1 ends, or cancel it, before you upload another file.</source>
        <translation>Espere a que termine la subida de %1, o cancélela, antes de subir otro archivo.</translation>
    </message>
    <message>
        <source>%1 is not an inbound integration. Files can be uploaded to inbound integrations only.</source>
        <translation>%1 no es una integración de entrada. Solo se pueden subir archivos a integraciones de entrada.</translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s (attempt %3 of %4).</source>
        <translation>%1 Se reintentará en %2 s (intento %3 de %4).</translation>
    </message>
    <message>
        <source>%1: starting</source>
        <translation>%1: iniciando</translation>
    </message>
    <message>
        <source>Uploading %1 to %2…</source>
        <translation>Subiendo %1 a %2…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4%)</source>
        <extracomment>%1 is a file name, %2 and %3 are sizes such as &quot;2.5 MB&quot;, %4 is a percentage.</extracomment>
        <translation>%1: %2 de %3 (%4 %)</translation>
    </message>
    <message>
        <source>%1 is Inactive, so it takes no files. Set its status to Active to upload to it.</source>
        <translation>%1 está Inactiva, así que no acepta archivos. Cambie su estado a Activa para subirle archivos.</translation>
    </message>
    <message>
        <source>This integration is Inactive. Set its status to Active to run it or upload files to it.</source>
        <translation>Esta integración está Inactiva. Cambie su estado a Activa para ejecutarla o subirle archivos.</translation>
    </message>
    <message>
        <source>Upload Folder…</source>
        <translation>Subir carpeta…</translation>
    </message>
    <message>
        <source>Upload a OneRoster bundle folder to the selected integration</source>
        <translation>Subir una carpeta de paquete OneRoster a la integración seleccionada</translation>
    </message>
    <message>
        <source>OneRoster bundles (*.zip);;OneRoster XML files (*.xml);;All files (*)</source>
        <translation>Paquetes OneRoster (*.zip);;Archivos XML de OneRoster (*.xml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>CSV or XML files (*.csv *.xml);;All files (*)</source>
        <translation>Archivos CSV o XML (*.csv *.xml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1 takes one CSV or XML file, so it cannot take the folder %2. Upload a file from the folder instead.</source>
        <translation>%1 acepta un archivo CSV o XML, así que no puede aceptar la carpeta %2. Suba en su lugar un archivo de la carpeta.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the zip of %1: %2</source>
        <translation>No se puede crear una carpeta temporal para el zip de %1: %2</translation>
    </message>
    <message>
        <source>Packing the folder %1 into a zip for %2…</source>
        <translation>Empaquetando la carpeta %1 en un zip para %2…</translation>
    </message>
    <message>
        <source>%1: packing (%2%)</source>
        <extracomment>%1 is a folder name, %2 a percentage of the folder&apos;s bytes.</extracomment>
        <translation>%1: empaquetando (%2 %)</translation>
    </message>
    <message>
        <source>The upload of %1 was cancelled.</source>
        <translation>Se canceló la subida de %1.</translation>
    </message>
    <message>
        <source>Only OneRoster bundle integrations take a folder. This integration takes one CSV or XML file.</source>
        <translation>Solo las integraciones de paquetes OneRoster aceptan una carpeta. Esta integración acepta un archivo CSV o XML.</translation>
    </message>
    <message>
        <source>Upload Folder</source>
        <translation>Subir carpeta</translation>
    </message>
    <message>
        <source>Drop one file or folder at a time; each is a run of its own.</source>
        <translation>Suelte un archivo o una carpeta cada vez; cada uno es una ejecución propia.</translation>
    </message>
    <message>
        <source>Drop the file or folder on an inbound integration to upload it.</source>
        <translation>Suelte el archivo o la carpeta sobre una integración de entrada para subirlo.</translation>
    </message>
</context>
<context>
    <name>hubdesk::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Choose the language of Hubdesk; it applies at the next start</source>
        <translation>Elija el idioma de Hubdesk; se aplica en el próximo inicio</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>hubdesk::MainWindow</name>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Reload every page from the engine (F5)</source>
        <translation>Volver a cargar todas las páginas desde el motor (F5)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Product Catalog</source>
        <translation>Catálogo de productos</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integraciones</translation>
    </message>
    <message>
        <source>Runbook Activities</source>
        <translation>Actividades de ejecución</translation>
    </message>
    <message>
        <source>Engine Already Running</source>
        <translation>El motor ya está en ejecución</translation>
    </message>
    <message>
        <source>Local Engine Failed</source>
        <translation>Falló el motor local</translation>
    </message>
    <message>
        <source>Not connected to an engine</source>
        <translation>Sin conexión a un motor</translation>
    </message>
    <message>
        <source>Connecting to the engine at %1…</source>
        <translation>Conectando con el motor en %1…</translation>
    </message>
    <message>
        <source>Connected to the engine at %1</source>
        <translation>Conectado al motor en %1</translation>
    </message>
    <message>
        <source>Cannot reach the engine at %1; press F5 to try again</source>
        <translation>No se puede llegar al motor en %1; pulse F5 para volver a intentarlo</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <extracomment>The district&apos;s name, its IANA time zone and the zone&apos;s abbreviation now.</extracomment>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Hubdesk</source>
        <translation>Hubdesk</translation>
    </message>
    <message>
        <source>Hubdesk — %1</source>
        <translation>Hubdesk — %1</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>The district that every page shows and changes</source>
        <translation>El distrito que muestran y cambian todas las páginas</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <extracomment>The signed-in user&apos;s name and their role in the current district.</extracomment>
        <translation>Sesión iniciada como %1 (%2)</translation>
    </message>
    <message>
        <source>Notifications…</source>
        <translation>Notificaciones…</translation>
    </message>
    <message>
        <source>Choose who hears about failed, recovered and unusually long runs</source>
        <translation>Elegir a quién se avisa de las ejecuciones fallidas, recuperadas e inusualmente largas</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Sign-In Not Remembered</source>
        <translation>Inicio de sesión no recordado</translation>
    </message>
    <message>
        <source>Back to Product Catalog</source>
        <translation>Volver al catálogo de productos</translation>
    </message>
    <message>
        <source>Local Engine Stopped</source>
        <translation>El motor local se detuvo</translation>
    </message>
    <message>
        <source>Until the engine runs again, the console cannot show or change the district&apos;s data, and no scheduled run starts. Runs that were in progress are marked failed when it starts, and queued again where the integration allows retries after an engine stop.</source>
        <translation>Hasta que el motor vuelva a funcionar, la consola no puede mostrar ni cambiar los datos del distrito y no empieza ninguna ejecución programada. Las ejecuciones en curso se marcan como fallidas cuando arranque, y vuelven a la cola donde la integración permite reintentos tras una parada del motor.</translation>
    </message>
    <message>
        <source>Restart Engine</source>
        <translation>Reiniciar el motor</translation>
    </message>
    <message>
        <source>The local engine stopped.</source>
        <translation>El motor local se detuvo.</translation>
    </message>
</context>
<context>
    <name>hubdesk::NewDestinationDialog</name>
    <message>
        <source>Test Connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>New Destination</source>
        <translation>Nuevo destino</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>Nombre del destino</translation>
    </message>
    <message>
        <source>A name that says where the files go</source>
        <translation>Un nombre que indique adónde van los archivos</translation>
    </message>
    <message>
        <source>Destination kind</source>
        <translation>Tipo de destino</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>SFTP</source>
        <translation>SFTP</translation>
    </message>
    <message>
        <source>Azure Blob Storage</source>
        <translation>Azure Blob Storage</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Show advanced settings</source>
        <translation>Mostrar configuración avanzada</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Test Connection result</source>
        <translation>Resultado de Probar conexión</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Edit Destination</source>
        <translation>Editar destino</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A saved destination keeps its kind. To deliver another way, create a new destination.</source>
        <translation>Un destino guardado conserva su tipo. Para entregar de otra forma, cree un destino nuevo.</translation>
    </message>
    <message>
        <source>%1 Settings</source>
        <translation>Configuración de %1</translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation>Ocultar configuración avanzada</translation>
    </message>
    <message>
        <source>Saving the destination…</source>
        <translation>Guardando el destino…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Probando la conexión…</translation>
    </message>
    <message>
        <source>The engine reached the destination.</source>
        <translation>El motor llegó al destino.</translation>
    </message>
    <message>
        <source>The engine could not reach the destination.</source>
        <translation>El motor no pudo llegar al destino.</translation>
    </message>
    <message>
        <source>Connection succeeded</source>
        <translation>La conexión se realizó correctamente</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Falló la conexión</translation>
    </message>
    <message>
        <source>Deletes the destination that Save and Test saved</source>
        <translation>Elimina el destino que guardó «Guardar y probar»</translation>
    </message>
    <message>
        <source>Deleting the destination that Save and Test saved…</source>
        <translation>Eliminando el destino que guardó «Guardar y probar»…</translation>
    </message>
    <message>
        <source>Cannot delete &quot;%1&quot;, which Save and Test saved: %2 Close keeps it among the destinations, and Save adds it to this integration.</source>
        <extracomment>%1 is the destination&apos;s name, %2 the engine&apos;s or the network&apos;s error sentence.</extracomment>
        <translation>No se puede eliminar «%1», que guardó «Guardar y probar»: %2 Cerrar lo conserva entre los destinos y Guardar lo añade a esta integración.</translation>
    </message>
    <message>
        <source>Save and Test</source>
        <translation>Guardar y probar</translation>
    </message>
    <message>
        <source>Save the destination and test the connection</source>
        <translation>Guardar el destino y probar la conexión</translation>
    </message>
    <message>
        <source>Saves the destination, then asks the engine to connect to it without writing a file. Cancel deletes the new destination again.</source>
        <translation>Guarda el destino y luego pide al motor que se conecte a él sin escribir ningún archivo. Cancelar vuelve a eliminar el destino nuevo.</translation>
    </message>
    <message>
        <source>Saves the changes, then asks the engine to connect to the destination without writing a file.</source>
        <translation>Guarda los cambios y luego pide al motor que se conecte al destino sin escribir ningún archivo.</translation>
    </message>
    <message>
        <source>Asks the engine to connect to the saved destination without writing a file.</source>
        <translation>Pide al motor que se conecte al destino guardado sin escribir ningún archivo.</translation>
    </message>
</context>
<context>
    <name>hubdesk::NotificationSettingsDialog</name>
    <message>
        <source>A run fails</source>
        <translation>Una ejecución falla</translation>
    </message>
    <message>
        <source>A run succeeds after a failure</source>
        <translation>Una ejecución termina bien tras un fallo</translation>
    </message>
    <message>
        <source>A run takes more than 3 times its median duration</source>
        <translation>Una ejecución tarda más de 3 veces su duración mediana</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>Contraseña SMTP</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Clave de firma</translation>
    </message>
    <message>
        <source>Email a summary of the previous day&apos;s runs at</source>
        <translation>Enviar por correo un resumen de las ejecuciones del día anterior a las</translation>
    </message>
    <message>
        <source>Send Test</source>
        <translation>Enviar prueba</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Run Notifications</source>
        <translation>Notificaciones de ejecuciones</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>None (no credentials)</source>
        <translation>Ninguna (sin credenciales)</translation>
    </message>
    <message>
        <source>coordinator@district.org, data-team@district.org</source>
        <translation>coordinadora@distrito.org, equipo-datos@distrito.org</translation>
    </message>
    <message>
        <source>Notify When</source>
        <translation>Avisar cuando</translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation>&amp;Destinatarios:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Remitente:</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>&amp;Servidor SMTP:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>Se&amp;guridad:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contr&amp;aseña:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Signing &amp;key:</source>
        <translation>&amp;Clave de firma:</translation>
    </message>
    <message>
        <source>Cannot load the notification settings: %1</source>
        <translation>No se puede cargar la configuración de notificaciones: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Correct the marked fields and save again.</source>
        <translation>Corrija los campos marcados y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Cannot save the notification settings: %1</source>
        <translation>No se puede guardar la configuración de notificaciones: %1</translation>
    </message>
    <message>
        <source>Sending a test through the saved settings…</source>
        <translation>Enviando una prueba con la configuración guardada…</translation>
    </message>
    <message>
        <source>Cannot send a test: %1</source>
        <translation>No se puede enviar una prueba: %1</translation>
    </message>
    <message>
        <source>The test is still being sent; see the notification list later.</source>
        <translation>La prueba aún se está enviando; consulte la lista de notificaciones más tarde.</translation>
    </message>
    <message>
        <source>Test email</source>
        <translation>Correo de prueba</translation>
    </message>
    <message>
        <source>Test webhook</source>
        <translation>Webhook de prueba</translation>
    </message>
    <message>
        <source>%1 sent.</source>
        <translation>%1 enviado.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 falló: %2</translation>
    </message>
    <message>
        <source>Time zone of the district: %1</source>
        <translation>Zona horaria del distrito: %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::OccurrenceModel</name>
    <message>
        <source>A daylight-saving change moves this run off its usual time.</source>
        <translation>Un cambio de horario de verano desplaza esta ejecución de su hora habitual.</translation>
    </message>
</context>
<context>
    <name>hubdesk::OneRosterPage</name>
    <message>
        <source>Read orgs, schools, sessions, courses, classes, users and enrollments</source>
        <translation>Leer organizaciones, escuelas, periodos, cursos, clases, usuarios e inscripciones</translation>
    </message>
    <message>
        <source>Read all rostering data, with relationships such as a class&apos;s students and demographics</source>
        <translation>Leer todos los datos de matrícula, con relaciones como los estudiantes de una clase y los datos demográficos</translation>
    </message>
    <message>
        <source>Read demographics only</source>
        <translation>Leer solo los datos demográficos</translation>
    </message>
    <message>
        <source>Read categories, line items, results and score scales (OneRoster 1.2)</source>
        <translation>Leer categorías, elementos de calificación, resultados y escalas de puntuación (OneRoster 1.2)</translation>
    </message>
    <message>
        <source>Read the gradebook</source>
        <translation>Leer el libro de calificaciones</translation>
    </message>
    <message>
        <source>Create and update gradebook records</source>
        <translation>Crear y actualizar registros del libro de calificaciones</translation>
    </message>
    <message>
        <source>Delete gradebook records</source>
        <translation>Eliminar registros del libro de calificaciones</translation>
    </message>
    <message>
        <source>Read learning resources</source>
        <translation>Leer recursos de aprendizaje</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>New Application</source>
        <translation>Nueva aplicación</translation>
    </message>
    <message>
        <source>Reset Secret</source>
        <translation>Restablecer secreto</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Client Credentials</source>
        <translation>Credenciales del cliente</translation>
    </message>
    <message>
        <source>OneRoster applications</source>
        <translation>Aplicaciones OneRoster</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>School Year</source>
        <translation>Año escolar</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Ámbitos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>Every school year</source>
        <translation>Todos los años escolares</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <source>School &amp;year:</source>
        <translation>&amp;Año escolar:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A scope&apos;s short name and what it allows.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No scope is chosen, so no data will transfer to this application. roster-core.readonly covers what most vendors need.</source>
        <translation>No se eligió ningún ámbito, así que no se transferirán datos a esta aplicación. roster-core.readonly cubre lo que necesitan la mayoría de los proveedores.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>ID de cliente:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Secreto de cliente:</translation>
    </message>
    <message>
        <source>Give the Vendor</source>
        <translation>Para el proveedor</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>URL del token:</translation>
    </message>
    <message>
        <source>OneRoster 1.1:</source>
        <translation>OneRoster 1.1:</translation>
    </message>
    <message>
        <source>Cannot load the OneRoster applications: %1</source>
        <translation>No se pueden cargar las aplicaciones OneRoster: %1</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Todos los años</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactiva</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Save Changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Cannot save the application: %1</source>
        <translation>No se puede guardar la aplicación: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>Cannot reset the secret: %1</source>
        <translation>No se puede restablecer el secreto: %1</translation>
    </message>
    <message>
        <source>Issued a new secret. The old one and its tokens no longer work.</source>
        <translation>Se emitió un secreto nuevo. El anterior y sus tokens ya no funcionan.</translation>
    </message>
    <message>
        <source>Cannot delete the application: %1</source>
        <translation>No se puede eliminar la aplicación: %1</translation>
    </message>
    <message>
        <source>Deleted the application; its tokens no longer work.</source>
        <translation>Se eliminó la aplicación; sus tokens ya no funcionan.</translation>
    </message>
    <message>
        <source>OneRoster requests per hour</source>
        <translation>Solicitudes de OneRoster por hora</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Aplicación</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Requests in the Last 24 Hours</source>
        <translation>Solicitudes de las últimas 24 horas</translation>
    </message>
    <message>
        <source>Cannot load the OneRoster activity: %1</source>
        <translation>No se puede cargar la actividad de OneRoster: %1</translation>
    </message>
    <message>
        <source>No application has called the OneRoster API in the last 24 hours.</source>
        <translation>Ninguna aplicación ha llamado a la API de OneRoster en las últimas 24 horas.</translation>
    </message>
    <message>
        <source>Your role can see the applications and copy what a vendor needs. A district administrator registers, changes and deletes them.</source>
        <translation>Su rol puede ver las aplicaciones y copiar lo que necesita un proveedor. Un administrador del distrito las registra, las cambia y las elimina.</translation>
    </message>
    <message>
        <source>OneRoster 1.2 rostering:</source>
        <translation>OneRoster 1.2, matrícula:</translation>
    </message>
    <message>
        <source>OneRoster 1.2 gradebook:</source>
        <translation>OneRoster 1.2, libro de calificaciones:</translation>
    </message>
    <message>
        <source>OneRoster 1.2 resources:</source>
        <translation>OneRoster 1.2, recursos:</translation>
    </message>
    <message>
        <source>Application name</source>
        <translation>Nombre de la aplicación</translation>
    </message>
    <message>
        <source>Copy the secret now. It will not be shown again, and it disappears when you refresh the list or select another application. Reset Secret issues a new one.</source>
        <translation>Copie el secreto ahora. No se volverá a mostrar y desaparece al actualizar la lista o seleccionar otra aplicación. Restablecer secreto emite uno nuevo.</translation>
    </message>
    <message>
        <source>Copy the token URL</source>
        <translation>Copiar la URL del token</translation>
    </message>
    <message>
        <source>Copy the OneRoster 1.1 base URL</source>
        <translation>Copiar la URL base de OneRoster 1.1</translation>
    </message>
    <message>
        <source>Copy the OneRoster 1.2 rostering base URL</source>
        <translation>Copiar la URL base de matrícula de OneRoster 1.2</translation>
    </message>
    <message>
        <source>Copy the OneRoster 1.2 gradebook base URL</source>
        <translation>Copiar la URL base de calificaciones de OneRoster 1.2</translation>
    </message>
    <message>
        <source>Copy the OneRoster 1.2 resources base URL</source>
        <translation>Copiar la URL base de recursos de OneRoster 1.2</translation>
    </message>
    <message>
        <source>Registered %1. Give the vendor the client ID, the secret and the URLs above.</source>
        <translation>Se registró %1. Dé al proveedor el ID de cliente, el secreto y las URL de arriba.</translation>
    </message>
</context>
<context>
    <name>hubdesk::OutboundIntegrationForm</name>
    <message>
        <source>Manage Outbound Integration</source>
        <translation>Administrar integración de salida</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>System notes</source>
        <translation>Notas del sistema</translation>
    </message>
    <message>
        <source>Query timeout</source>
        <translation>Tiempo de espera de la consulta</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Delimitador</translation>
    </message>
    <message>
        <source>Quoting</source>
        <translation>Comillas</translation>
    </message>
    <message>
        <source>Line ending</source>
        <translation>Fin de línea</translation>
    </message>
    <message>
        <source>Write the column names as the first row</source>
        <translation>Escribir los nombres de columna como primera fila</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Fila de encabezado</translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte-order mark, so that spreadsheets detect the encoding</source>
        <translation>Empezar con una marca de orden de bytes UTF-8, para que las hojas de cálculo detecten la codificación</translation>
    </message>
    <message>
        <source>Byte-order mark</source>
        <translation>Marca de orden de bytes</translation>
    </message>
    <message>
        <source>Put an apostrophe before text that starts with =, +, -, @, tab or CR, so that spreadsheets do not run it as a formula</source>
        <translation>Poner un apóstrofo delante del texto que empieza por =, +, -, @, tabulador o CR, para que las hojas de cálculo no lo ejecuten como fórmula</translation>
    </message>
    <message>
        <source>Formula protection</source>
        <translation>Protección contra fórmulas</translation>
    </message>
    <message>
        <source>New Destination…</source>
        <translation>Nuevo destino…</translation>
    </message>
    <message>
        <source>New destination</source>
        <translation>Nuevo destino</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Vista previa…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programación</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> segundos</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>System type:</source>
        <translation>Tipo de sistema:</translation>
    </message>
    <message>
        <source>Vendor:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>Sistema:</translation>
    </message>
    <message>
        <source>Output type:</source>
        <translation>Tipo de salida:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Salida:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Año:</translation>
    </message>
    <message>
        <source>System notes:</source>
        <translation>Notas del sistema:</translation>
    </message>
    <message>
        <source>Query timeout:</source>
        <translation>Tiempo de espera de la consulta:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Coma (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Punto y coma (;)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <source>Pipe (|)</source>
        <translation>Barra vertical (|)</translation>
    </message>
    <message>
        <source>Only where needed</source>
        <translation>Solo donde haga falta</translation>
    </message>
    <message>
        <source>Every field</source>
        <translation>Todos los campos</translation>
    </message>
    <message>
        <source>CRLF (Windows)</source>
        <translation>CRLF (Windows)</translation>
    </message>
    <message>
        <source>LF (Linux, macOS)</source>
        <translation>LF (Linux, macOS)</translation>
    </message>
    <message>
        <source>CSV File</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Delimitador:</translation>
    </message>
    <message>
        <source>Quoting:</source>
        <translation>Comillas:</translation>
    </message>
    <message>
        <source>Line ending:</source>
        <translation>Fin de línea:</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>Encabezado:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Codificación:</translation>
    </message>
    <message>
        <source>Formulas:</source>
        <translation>Fórmulas:</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinos</translation>
    </message>
    <message>
        <source>Current Year</source>
        <translation>Año actual</translation>
    </message>
    <message>
        <source>Manage Outbound Integration: %1</source>
        <translation>Administrar integración de salida: %1</translation>
    </message>
    <message>
        <source>Retries after an engine stop:</source>
        <translation>Reintentos tras una parada del motor:</translation>
    </message>
    <message>
        <source>When the report has no rows</source>
        <translation>Cuando el informe no tiene filas</translation>
    </message>
    <message>
        <source>Send the file with only the column names</source>
        <translation>Enviar el archivo solo con los nombres de columna</translation>
    </message>
    <message>
        <source>Send nothing and end the run with a warning</source>
        <translation>No enviar nada y terminar la ejecución con una advertencia</translation>
    </message>
    <message>
        <source>Send nothing and mark the run as failed</source>
        <translation>No enviar nada y marcar la ejecución como fallida</translation>
    </message>
    <message>
        <source>Some state systems read a file without rows as an order to remove every record they hold for the district. A failed run sends the failure notification.</source>
        <translation>Algunos sistemas estatales interpretan un archivo sin filas como una orden de eliminar todos los registros que tienen del distrito. Una ejecución fallida envía la notificación de error.</translation>
    </message>
    <message>
        <source>When the report has no rows:</source>
        <translation>Cuando el informe no tiene filas:</translation>
    </message>
</context>
<context>
    <name>hubdesk::PreviewDialog</name>
    <message>
        <source>Preview Output</source>
        <translation>Vista previa de la salida</translation>
    </message>
    <message numerus="yes">
        <source>%n rows in total for %1</source>
        <translation>
            <numerusform>%n fila en total para %1</numerusform>
            <numerusform>%n filas en total para %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(the first %n are shown).</source>
        <translation>
            <numerusform>(se muestra la primera).</numerusform>
            <numerusform>(se muestran las primeras %n).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubdesk::ProductModel</name>
    <message>
        <source>Outbound</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>Integration Type</source>
        <translation>Tipo de integración</translation>
    </message>
    <message>
        <source>System Type</source>
        <translation>Tipo de sistema</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Salidas</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunFilesButton</name>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Download a file of the selected run</source>
        <translation>Descargar un archivo de la ejecución seleccionada</translation>
    </message>
    <message>
        <source>Download the selected run&apos;s output file or validation report</source>
        <translation>Descargar el archivo de salida o el informe de validación de la ejecución seleccionada</translation>
    </message>
    <message>
        <source>Cannot list the files: %1</source>
        <translation>No se pueden listar los archivos: %1</translation>
    </message>
    <message>
        <source>This run left no files</source>
        <translation>Esta ejecución no dejó archivos</translation>
    </message>
    <message>
        <source>validation report</source>
        <translation>informe de validación</translation>
    </message>
    <message>
        <source>uploaded file</source>
        <translation>archivo subido</translation>
    </message>
    <message>
        <source>output file</source>
        <translation>archivo de salida</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <extracomment>A file name, what the file is and its size, such as &quot;MiLEARN.csv (output file, 12 KB)&quot;.</extracomment>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Save Run File</source>
        <translation>Guardar archivo de la ejecución</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>No se puede guardar %1: %2</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunFilterBar</name>
    <message>
        <source>Date ran&amp;ge</source>
        <translation>&amp;Rango de fechas</translation>
    </message>
    <message>
        <source>Show runs up to this date</source>
        <translation>Mostrar las ejecuciones hasta esta fecha</translation>
    </message>
    <message>
        <source>Show the runs of this date</source>
        <translation>Mostrar las ejecuciones de esta fecha</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Integration type</source>
        <translation>Tipo de integración</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>Estado de la ejecución</translation>
    </message>
    <message>
        <source>Run trigger</source>
        <translation>Origen de la ejecución</translation>
    </message>
    <message>
        <source>Show runs in a date range</source>
        <translation>Mostrar las ejecuciones de un rango de fechas</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Con error</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Succeeded with warnings</source>
        <translation>Correcta con advertencias</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <extracomment>A status filter: failed, cancelled and succeeded-with-warnings runs together.</extracomment>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programación</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>T&amp;rigger:</source>
        <translation>&amp;Origen:</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>&amp;Integración:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>Show runs from this date</source>
        <translation>Mostrar las ejecuciones desde esta fecha</translation>
    </message>
    <message>
        <source>Integration %1</source>
        <translation>Integración %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunLogView</name>
    <message>
        <source>Select a run to see its log.</source>
        <translation>Seleccione una ejecución para ver su registro.</translation>
    </message>
    <message>
        <source>Copy Log</source>
        <translation>Copiar registro</translation>
    </message>
    <message>
        <source>Save Log...</source>
        <translation>Guardar registro...</translation>
    </message>
    <message>
        <source>Run log</source>
        <translation>Registro de la ejecución</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Copy the log to the clipboard</source>
        <translation>Copiar el registro al portapapeles</translation>
    </message>
    <message>
        <source>Save the log to a text file</source>
        <translation>Guardar el registro en un archivo de texto</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Guardar registro</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>Saved the log to %1.</source>
        <translation>Se guardó el registro en %1.</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunWatcher</name>
    <message>
        <source>Run %1 is held for approval.</source>
        <translation>La ejecución %1 está en espera de aprobación.</translation>
    </message>
    <message>
        <source>Run %1 is queued.</source>
        <translation>La ejecución %1 está en cola.</translation>
    </message>
    <message>
        <source>Run %1 is running.</source>
        <translation>La ejecución %1 está en curso.</translation>
    </message>
    <message>
        <source>Run %1 ended: %2.</source>
        <translation>La ejecución %1 terminó: %2.</translation>
    </message>
    <message>
        <source>Run %1 was already queued, so no other run was added.</source>
        <translation>La ejecución %1 ya estaba en cola, así que no se añadió otra ejecución.</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunbookModel</name>
    <message>
        <source>Rows read: %1, written: %2, rejected: %3; bytes: %4</source>
        <translation>Filas leídas: %1, escritas: %2, rechazadas: %3; bytes: %4</translation>
    </message>
    <message>
        <source>Retry of Integration Instance Id %1</source>
        <translation>Reintento del Id. de instancia de integración %1</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Succeeded with warnings</source>
        <translation>Correcta con advertencias</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Con error</translation>
    </message>
    <message>
        <source>Unknown status</source>
        <translation>Estado desconocido</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A run status: the numeric code, then its word, such as &quot;0 Succeeded&quot;.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Integration Instance Id %1</source>
        <translation>Id. de instancia de integración %1</translation>
    </message>
    <message>
        <source>Integration Instance Id %1 - %2</source>
        <translation>Id. de instancia de integración %1 - %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A running run&apos;s name, then the phase it is in, such as &quot;... (Query)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Phase Name</source>
        <translation>Nombre de la fase</translation>
    </message>
    <message>
        <source>Start Time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>End Time</source>
        <translation>Hora de fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Status code and word: 0 Succeeded, 1 Running, 2 Queued, 3 Cancelled, 8 Succeeded with warnings, 9 Failed</source>
        <translation>Código y palabra de estado: 0 Correcta, 1 En ejecución, 2 En cola, 3 Cancelada, 8 Correcta con advertencias, 9 Con error</translation>
    </message>
    <message>
        <source>When the run or phase started, in the district&apos;s time zone</source>
        <translation>Cuándo empezó la ejecución o la fase, en la zona horaria del distrito</translation>
    </message>
    <message>
        <source>When the run or phase ended, in the district&apos;s time zone</source>
        <translation>Cuándo terminó la ejecución o la fase, en la zona horaria del distrito</translation>
    </message>
    <message>
        <source>How long the run or phase took, as hours, minutes and seconds</source>
        <translation>Cuánto duró la ejecución o la fase, en horas, minutos y segundos</translation>
    </message>
    <message>
        <source>Held for approval</source>
        <translation>En espera de aprobación</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 solicitud</translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln solicitud</numerusform>
            <numerusform>%Ln solicitudes</numerusform>
        </translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln página</numerusform>
            <numerusform>%Ln páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 registro</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>%Ln registro</numerusform>
            <numerusform>%Ln registros</numerusform>
        </translation>
    </message>
    <message>
        <source>1 retry</source>
        <translation>1 reintento</translation>
    </message>
    <message numerus="yes">
        <source>%Ln retries</source>
        <translation>
            <numerusform>%Ln reintento</numerusform>
            <numerusform>%Ln reintentos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3, %4</source>
        <extracomment>The counts of an API phase: requests, pages, records, retries.</extracomment>
        <translation>%1, %2, %3, %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A phase, then its counts, such as &quot;Format: 150 rows read, 35.75 KiB&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 fila</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln fila</numerusform>
            <numerusform>%Ln filas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 row read</source>
        <translation>1 fila leída</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows read</source>
        <translation>
            <numerusform>%Ln fila leída</numerusform>
            <numerusform>%Ln filas leídas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 row written</source>
        <translation>1 fila escrita</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows written</source>
        <translation>
            <numerusform>%Ln fila escrita</numerusform>
            <numerusform>%Ln filas escritas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 row rejected</source>
        <translation>1 fila rechazada</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows rejected</source>
        <translation>
            <numerusform>%Ln fila rechazada</numerusform>
            <numerusform>%Ln filas rechazadas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Joins the counts of a phase, such as &quot;150 rows read, 35.75 KiB&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programación</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintento</translation>
    </message>
    <message>
        <source>Integration Instance Id and integration of a run, or the name of a phase with its rows and bytes</source>
        <translation>Id. de instancia de integración e integración de una ejecución, o el nombre de una fase con sus filas y bytes</translation>
    </message>
    <message>
        <source>What started the run: its schedule, a user, a catch-up after the engine was down, or a retry</source>
        <translation>Qué inició la ejecución: su programación, un usuario, una recuperación tras una caída del motor o un reintento</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Origen</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunbookPage</name>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>Cancelar ejecución</translation>
    </message>
    <message>
        <source>Cancel the selected run</source>
        <translation>Cancelar la ejecución seleccionada</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry the selected failed or cancelled run</source>
        <translation>Reintentar la ejecución seleccionada con error o cancelada</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>Ejecutar ahora</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s integration now</source>
        <translation>Ejecutar ahora la integración de la ejecución seleccionada</translation>
    </message>
    <message>
        <source>Search runs with these filters</source>
        <translation>Buscar ejecuciones con estos filtros</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>Runbook Activities</source>
        <translation>Actividades de ejecución</translation>
    </message>
    <message>
        <source>Run %1 is running. It stops at the next safe point, and the phases it has finished stay as they are. Cancel it?</source>
        <translation>La ejecución %1 está en curso. Se detendrá en el siguiente punto seguro y las fases terminadas quedarán como están. ¿Cancelarla?</translation>
    </message>
    <message>
        <source>Run %1 is queued as a retry of run %2.</source>
        <translation>La ejecución %1 está en cola como reintento de la ejecución %2.</translation>
    </message>
    <message>
        <source>Run %1 stops at the next safe point.</source>
        <translation>La ejecución %1 se detendrá en el siguiente punto seguro.</translation>
    </message>
    <message>
        <source>Run %1 is cancelled.</source>
        <translation>La ejecución %1 está cancelada.</translation>
    </message>
    <message>
        <source>Log of Integration Instance Id %1, phase %2</source>
        <translation>Registro del Id. de instancia de integración %1, fase %2</translation>
    </message>
    <message>
        <source>Log of Integration Instance Id %1</source>
        <translation>Registro del Id. de instancia de integración %1</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Approve the selected load held for approval</source>
        <translation>Aprobar la carga seleccionada en espera de aprobación</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Reject the selected load held for approval</source>
        <translation>Rechazar la carga seleccionada en espera de aprobación</translation>
    </message>
    <message>
        <source>No runs match these filters. Choose another date or clear a filter, then press Search.</source>
        <translation>Ninguna ejecución coincide con estos filtros. Elija otra fecha o quite un filtro y pulse Buscar.</translation>
    </message>
    <message>
        <source>Approve Load</source>
        <translation>Aprobar carga</translation>
    </message>
    <message>
        <source>Approve run %1? The file is validated again and loaded, and stored records that it leaves out are marked to be deleted (tobedeleted).

%2</source>
        <translation>¿Aprobar la ejecución %1? El archivo se valida de nuevo y se carga, y los registros guardados que no incluye se marcan para eliminar (tobedeleted).

%2</translation>
    </message>
    <message>
        <source>Reject Load</source>
        <translation>Rechazar carga</translation>
    </message>
    <message>
        <source>Reject run %1? Nothing is loaded, no record is marked tobedeleted, and the run ends as cancelled.</source>
        <translation>¿Rechazar la ejecución %1? No se carga nada, ningún registro se marca como tobedeleted y la ejecución termina como cancelada.</translation>
    </message>
    <message>
        <source>Run %1 is approved and waits for a worker to load it.</source>
        <translation>La ejecución %1 está aprobada y espera a que un trabajador la cargue.</translation>
    </message>
    <message>
        <source>Run %1 is rejected; nothing was loaded.</source>
        <translation>La ejecución %1 se rechazó; no se cargó nada.</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <extracomment>A held run&apos;s id, then the engine&apos;s reason, which begins &quot;Held for approval:&quot;.</extracomment>
        <translation>Ejecución %1: %2</translation>
    </message>
    <message>
        <source>Validation Report…</source>
        <translation>Informe de validación…</translation>
    </message>
    <message>
        <source>Show the validation report of the selected inbound run</source>
        <translation>Mostrar el informe de validación de la ejecución de entrada seleccionada</translation>
    </message>
    <message>
        <source>See the &lt;a href=&quot;#validation&quot;&gt;Validation Report&lt;/a&gt;.</source>
        <extracomment>Follows &quot;Run 12 ended: 9 Failed.&quot;; the link opens the run&apos;s validation report.</extracomment>
        <translation>Consulte el &lt;a href=&quot;#validation&quot;&gt;informe de validación&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Inbound integrations run when a file is uploaded to them. Use Upload File… on the Integrations page.</source>
        <translation>Las integraciones de entrada se ejecutan cuando se les sube un archivo. Use Subir archivo… en la página Integraciones.</translation>
    </message>
</context>
<context>
    <name>hubdesk::ScheduleEditor</name>
    <message>
        <source>Run at next available cycle</source>
        <translation>Ejecutar en el siguiente ciclo disponible</translation>
    </message>
    <message>
        <source>Schedule type</source>
        <translation>Tipo de programación</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>Repetir cada</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>On a day of the month</source>
        <translation>Un día del mes</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Día del mes</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>On the last day of the month</source>
        <translation>El último día del mes</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Advanced repetition</source>
        <translation>Repetición avanzada</translation>
    </message>
    <message>
        <source>Repeat task every, in minutes</source>
        <translation>Repetir la tarea cada, en minutos</translation>
    </message>
    <message>
        <source>For a duration of, in minutes</source>
        <translation>Durante, en minutos</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <source>Use an end date</source>
        <translation>Usar una fecha de fin</translation>
    </message>
    <message>
        <source>Skip catch-up after downtime</source>
        <translation>Omitir la recuperación tras una interrupción</translation>
    </message>
    <message>
        <source>Schedule status</source>
        <translation>Estado de la programación</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Una vez</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Cada hora</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensual</translation>
    </message>
    <message>
        <source>Drop the runs missed while the engine was stopped, instead of making one catch-up run when it starts again.</source>
        <translation>Descartar las ejecuciones perdidas mientras el motor estaba detenido, en lugar de hacer una ejecución de recuperación al volver a iniciarse.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Schedule type:</source>
        <translation>Tipo de programación:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Fecha de inicio:</translation>
    </message>
    <message>
        <source>Start time:</source>
        <translation>Hora de inicio:</translation>
    </message>
    <message>
        <source>Repeat every:</source>
        <translation>Repetir cada:</translation>
    </message>
    <message>
        <source>On days:</source>
        <translation>Los días:</translation>
    </message>
    <message>
        <source>On day:</source>
        <translation>El día:</translation>
    </message>
    <message>
        <source>Schedule status:</source>
        <translation>Estado de la programación:</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Próximas ejecuciones:</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>Check boxes for the days of a weekly schedule, Monday first.</extracomment>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>Runs on the 31st, 30th, 29th or 28th, by month.</source>
        <translation>Se ejecuta el día 31, 30, 29 o 28, según el mes.</translation>
    </message>
    <message>
        <source>Repeat task every</source>
        <extracomment>The advanced repetition reads as one sentence: Repeat task every [15] minutes for a duration of [120] minutes.</extracomment>
        <translation>Repetir la tarea cada</translation>
    </message>
    <message>
        <source>minutes for a duration of</source>
        <translation>minutos durante</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semanas</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Meses</translation>
    </message>
</context>
<context>
    <name>hubdesk::SchedulePreview</name>
    <message>
        <source>Next runs</source>
        <translation>Próximas ejecuciones</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Loading the next runs…</source>
        <translation>Cargando las próximas ejecuciones…</translation>
    </message>
    <message>
        <source>Correct the marked schedule fields to see the next runs.</source>
        <translation>Corrija los campos de programación marcados para ver las próximas ejecuciones.</translation>
    </message>
    <message>
        <source>The next runs are not available: %1</source>
        <translation>Las próximas ejecuciones no están disponibles: %1</translation>
    </message>
    <message>
        <source>The schedule is inactive; nothing will run.</source>
        <translation>La programación está inactiva; no se ejecutará nada.</translation>
    </message>
    <message>
        <source>The schedule has no runs left; its end date or its only run has passed.</source>
        <translation>A la programación no le quedan ejecuciones; ya pasó su fecha de fin o su única ejecución.</translation>
    </message>
    <message>
        <source>Times are in the district&apos;s time zone, %1.</source>
        <translation>Las horas están en la zona horaria del distrito, %1.</translation>
    </message>
    <message>
        <source>Held by a blackout window: %1</source>
        <translation>Retenida por un período de bloqueo: %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::SecretField</name>
    <message>
        <source>Stored</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>%1 is stored</source>
        <translation>%1 está guardado</translation>
    </message>
    <message>
        <source>The engine keeps this value encrypted and never shows it.</source>
        <translation>El motor guarda este valor cifrado y nunca lo muestra.</translation>
    </message>
    <message>
        <source>Load from File…</source>
        <translation>Cargar desde archivo…</translation>
    </message>
    <message>
        <source>Load %1 from a file</source>
        <translation>Cargar %1 desde un archivo</translation>
    </message>
    <message>
        <source>Reads the file on this computer and sends its text to the engine.</source>
        <translation>Lee el archivo en este equipo y envía su texto al motor.</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 KiB, so it is not a key file.</source>
        <translation>El archivo %1 supera los %2 KiB, así que no es un archivo de clave.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Keep Stored</source>
        <translation>Conservar el guardado</translation>
    </message>
    <message>
        <source>Keep the stored %1</source>
        <translation>Conservar %1 guardado</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <translation>Reemplazar %1</translation>
    </message>
    <message>
        <source>Keeps the stored value and discards what you entered.</source>
        <translation>Conserva el valor guardado y descarta lo que escribió.</translation>
    </message>
    <message>
        <source>Enter a new value in place of the stored one.</source>
        <translation>Escriba un valor nuevo en lugar del guardado.</translation>
    </message>
</context>
<context>
    <name>hubdesk::SettingsSection</name>
    <message>
        <source>Browses this computer. Use it only when the engine runs on this computer (local mode); for a remote engine, type the path as the engine&apos;s computer sees it.</source>
        <translation>Examina este equipo. Úselo solo cuando el motor se ejecute en este equipo (modo local); para un motor remoto, escriba la ruta tal como la ve el equipo del motor.</translation>
    </message>
    <message>
        <source>The name of each delivered file. Placeholders: {output} (the output&apos;s file name), {schoolYear}, {date} (yyyyMMdd), {time}, {runId} and {integrationId}. A &quot;/&quot; makes subfolders. Empty means {output}.</source>
        <translation>El nombre de cada archivo entregado. Marcadores: {output} (el nombre de archivo de la salida), {schoolYear}, {date} (yyyyMMdd), {time}, {runId} e {integrationId}. Una &quot;/&quot; crea subcarpetas. Vacío equivale a {output}.</translation>
    </message>
</context>
<context>
    <name>hubdesk::SftpPage</name>
    <message>
        <source>SFTP host</source>
        <translation>Host SFTP</translation>
    </message>
    <message>
        <source>sftp.example.org</source>
        <translation>sftp.example.org</translation>
    </message>
    <message>
        <source>SFTP user name</source>
        <translation>Nombre de usuario SFTP</translation>
    </message>
    <message>
        <source>SFTP authentication</source>
        <translation>Autenticación SFTP</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clave privada</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Frase de contraseña de la clave</translation>
    </message>
    <message>
        <source>SFTP password</source>
        <translation>Contraseña SFTP</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>Clave del host</translation>
    </message>
    <message>
        <source>A known_hosts line or SHA256:… fingerprint</source>
        <translation>Una línea de known_hosts o una huella SHA256:…</translation>
    </message>
    <message>
        <source>Remote folder</source>
        <translation>Carpeta remota</translation>
    </message>
    <message>
        <source>The user&apos;s home folder when empty</source>
        <translation>La carpeta personal del usuario si está vacío</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>Plantilla de nombre de archivo</translation>
    </message>
    <message>
        <source>SFTP port</source>
        <translation>Puerto SFTP</translation>
    </message>
    <message>
        <source>Paste the key, from BEGIN to END</source>
        <translation>Pegue la clave, de BEGIN a END</translation>
    </message>
    <message>
        <source>Load the Private Key</source>
        <translation>Cargar la clave privada</translation>
    </message>
    <message>
        <source>Only if the key has one</source>
        <translation>Solo si la clave tiene una</translation>
    </message>
    <message>
        <source>The engine connects only to a server with this key. Get it with ssh-keyscan on a trusted network, or ask the server&apos;s administrator for its SHA256 fingerprint.</source>
        <translation>El motor solo se conecta a un servidor con esta clave. Obténgala con ssh-keyscan en una red de confianza o pida al administrador del servidor su huella SHA256.</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Autenticación:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Clave privada:</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Frase de contraseña de la clave:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Host key:</source>
        <translation>Clave del host:</translation>
    </message>
    <message>
        <source>Remote folder:</source>
        <translation>Carpeta remota:</translation>
    </message>
    <message>
        <source>File name template:</source>
        <translation>Plantilla de nombre de archivo:</translation>
    </message>
</context>
<context>
    <name>hubdesk::SignInDialog</name>
    <message>
        <source>Remember me on this computer</source>
        <translation>Recordarme en este equipo</translation>
    </message>
    <message>
        <source>Sign In to an Engine</source>
        <translation>Iniciar sesión en un motor</translation>
    </message>
    <message>
        <source>Keep the sign-in in the system keychain, so Hubdesk signs in without the password until you sign out</source>
        <translation>Guardar el inicio de sesión en el llavero del sistema, para que Hubdesk inicie sesión sin la contraseña hasta que cierre la sesión</translation>
    </message>
    <message>
        <source>Enter the address of the Hubdesk engine and your account.</source>
        <translation>Introduzca la dirección del motor de Hubdesk y su cuenta.</translation>
    </message>
    <message>
        <source>Engine URL:</source>
        <translation>URL del motor:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Enter the engine&apos;s address as https://host:port.</source>
        <translation>Introduzca la dirección del motor como https://host:puerto.</translation>
    </message>
    <message>
        <source>The engine at %1 must use https:// because the password would cross the network unencrypted.</source>
        <translation>El motor en %1 debe usar https:// porque la contraseña cruzaría la red sin cifrar.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Introduzca su nombre de usuario y contraseña.</translation>
    </message>
    <message>
        <source>Signing In…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Solo los certificados del sistema</translation>
    </message>
    <message>
        <source>A PEM file with the certificate of the authority that issued the engine&apos;s certificate, when your district runs its own</source>
        <translation>Un archivo PEM con el certificado de la autoridad que emitió el certificado del motor, cuando su distrito tiene la suya propia</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>Elegir el archivo de CA</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Archivo de CA:</translation>
    </message>
    <message>
        <source>Choose the CA File</source>
        <translation>Elegir el archivo de CA</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados PEM (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>hubdesk::TokenStore</name>
    <message>
        <source>No sign-in is remembered for this engine and user.</source>
        <translation>No hay ningún inicio de sesión recordado para este motor y usuario.</translation>
    </message>
    <message>
        <source>The system keychain denied access (%1), so the sign-in is not remembered.</source>
        <translation>El llavero del sistema denegó el acceso (%1), así que el inicio de sesión no se recuerda.</translation>
    </message>
    <message>
        <source>Hubdesk cannot keep the sign-in in the system keychain because %1. You will enter your password at the next start. To be remembered, start GNOME Keyring, KWallet or another Secret Service, then sign in with &quot;Remember me on this computer&quot; ticked.</source>
        <extracomment>%1 is a reason such as &quot;no Secret Service or KWallet is running&quot;.</extracomment>
        <translation>Hubdesk no puede guardar el inicio de sesión en el llavero del sistema porque %1. Tendrá que introducir la contraseña en el próximo inicio. Para que se recuerde, inicie GNOME Keyring, KWallet u otro Secret Service y vuelva a iniciar sesión con «Recordarme en este equipo» marcado.</translation>
    </message>
    <message>
        <source>this desktop session has no D-Bus session bus</source>
        <translation>esta sesión de escritorio no tiene bus de sesión D-Bus</translation>
    </message>
    <message>
        <source>no Secret Service or KWallet is running</source>
        <translation>no se está ejecutando ningún Secret Service ni KWallet</translation>
    </message>
    <message>
        <source>the keychain service gave no reason</source>
        <translation>el servicio de llavero no indicó el motivo</translation>
    </message>
    <message>
        <source>the keychain service reported: %1</source>
        <extracomment>%1 is the keychain library&apos;s own error text, usually in English.</extracomment>
        <translation>el servicio de llavero indicó: %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::ValidationReportDialog</name>
    <message>
        <source>Export to CSV…</source>
        <translation>Exportar a CSV…</translation>
    </message>
    <message>
        <source>Validation Report of Run %1</source>
        <translation>Informe de validación de la ejecución %1</translation>
    </message>
    <message>
        <source>Show findings of this severity</source>
        <translation>Mostrar los hallazgos de esta gravedad</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>Errores y advertencias</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Show findings about this file</source>
        <translation>Mostrar los hallazgos de este archivo</translation>
    </message>
    <message>
        <source>Show findings that contain this text</source>
        <translation>Mostrar los hallazgos que contienen este texto</translation>
    </message>
    <message>
        <source>Value, column, rule or message</source>
        <translation>Valor, columna, regla o mensaje</translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation>Hallazgos de validación</translation>
    </message>
    <message>
        <source>Export the shown findings to a CSV file</source>
        <translation>Exportar los hallazgos mostrados a un archivo CSV</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Gravedad:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>Loading the validation report…</source>
        <translation>Cargando el informe de validación…</translation>
    </message>
    <message>
        <source>The validation report could not be loaded.</source>
        <translation>No se pudo cargar el informe de validación.</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>This run has no validation findings.</source>
        <translation>Esta ejecución no tiene hallazgos de validación.</translation>
    </message>
    <message>
        <source>Export Validation Report</source>
        <translation>Exportar el informe de validación</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Errors: %1. Warnings: %2. Findings shown: %3 of %4.</source>
        <extracomment>Counts of the whole report, then the number of findings that the filters show and the number of findings in the report.</extracomment>
        <translation>Errores: %1. Advertencias: %2. Hallazgos mostrados: %3 de %4.</translation>
    </message>
    <message>
        <source>Saved %1. Findings: %2.</source>
        <extracomment>A file path, then the number of findings written to it.</extracomment>
        <translation>Se guardó %1. Hallazgos: %2.</translation>
    </message>
</context>
<context>
    <name>hubdesk::ValidationReportModel</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
</context>
<context>
    <name>hubdesk::WorkerLossRetries</name>
    <message>
        <source>Retries after an engine stop</source>
        <translation>Reintentos tras una parada del motor</translation>
    </message>
    <message>
        <source>None</source>
        <extracomment>Shown in the retries field when it is 0: no automatic runs after an engine stop.</extracomment>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>When the engine that runs this integration stops in the middle of a run, for example in a restart or a crash, the run fails. The engine then runs the integration again by itself, up to this many times in a row. None turns this off. A report that runs again is delivered again, even if it was delivered before the stop.</source>
        <translation>Cuando el motor que ejecuta esta integración se detiene a mitad de una ejecución, por ejemplo al reiniciarse o por un fallo, la ejecución falla. Entonces el motor vuelve a ejecutar la integración por sí mismo, hasta este número de veces seguidas. Ninguno desactiva esta opción. Un informe que se ejecuta de nuevo se entrega de nuevo, aunque ya se hubiera entregado antes de la parada.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Hubdesk console. By default it starts a local engine (hubd) with its data in the application-data folder. Without a display it runs the demo headless against a local demo engine that it starts, and so does --demo when the display cannot be opened.</source>
        <translation>La consola de Hubdesk. De forma predeterminada inicia un motor local (hubd) con sus datos en la carpeta de datos de la aplicación. Sin pantalla ejecuta la demostración sin interfaz contra un motor de demostración local que inicia, y lo mismo hace --demo cuando no se puede abrir la pantalla.</translation>
    </message>
    <message>
        <source>Load the demo district into the local engine.</source>
        <translation>Cargar el distrito de demostración en el motor local.</translation>
    </message>
    <message>
        <source>Data folder of the local engine.</source>
        <translation>Carpeta de datos del motor local.</translation>
    </message>
    <message>
        <source>File that contains the engine&apos;s admin token.</source>
        <translation>Archivo que contiene el token de administración del motor.</translation>
    </message>
    <message>
        <source>Run the demo without widgets and print the results, even when a display is available. The demo starts its own local engine; with --engine-url it needs --allow-remote-demo.</source>
        <translation>Ejecutar la demostración sin interfaz e imprimir los resultados, aunque haya una pantalla disponible. La demostración inicia su propio motor local; con --engine-url requiere --allow-remote-demo.</translation>
    </message>
    <message>
        <source>Let the headless demo run against the engine at --engine-url. The demo runs an outbound integration there, which delivers a real report to that integration&apos;s destinations.</source>
        <translation>Permitir que la demostración sin interfaz se ejecute contra el motor de --engine-url. La demostración ejecuta allí una integración de salida, que entrega un informe real a los destinos de esa integración.</translation>
    </message>
    <message>
        <source>Language of the console: en, es or ar. The default is the one chosen in the Language menu, else the system&apos;s.</source>
        <translation>Idioma de la consola: en, es o ar. El predeterminado es el elegido en el menú Idioma o, si no, el del sistema.</translation>
    </message>
    <message>
        <source>Running the demo headless (--headless).</source>
        <translation>Ejecutando la demostración sin interfaz (--headless).</translation>
    </message>
    <message>
        <source>No display found (DISPLAY and WAYLAND_DISPLAY are unset); running the demo headless.</source>
        <translation>No se encontró ninguna pantalla (DISPLAY y WAYLAND_DISPLAY no están definidas); ejecutando la demostración sin interfaz.</translation>
    </message>
    <message>
        <source>Cannot open the display %1; running the demo headless. Use --headless to skip this check.</source>
        <translation>No se puede abrir la pantalla %1; ejecutando la demostración sin interfaz. Use --headless para omitir esta comprobación.</translation>
    </message>
    <message>
        <source>Hubdesk shows the chosen language from its next start.</source>
        <translation>Hubdesk mostrará el idioma elegido a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>Cannot Reach the Engine</source>
        <translation>No se puede llegar al motor</translation>
    </message>
    <message>
        <source>High Contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Show the console in white and yellow on black</source>
        <translation>Mostrar la consola en blanco y amarillo sobre negro</translation>
    </message>
    <message>
        <source>PEM file of CA certificates to trust for a remote engine&apos;s certificate, besides the system&apos;s. The console remembers it.</source>
        <translation>Archivo PEM de certificados de CA en los que confiar para el certificado de un motor remoto, además de los del sistema. La consola lo recuerda.</translation>
    </message>
    <message>
        <source>Cannot Read the CA File</source>
        <translation>No se puede leer el archivo de CA</translation>
    </message>
    <message>
        <source>Connect to a running engine at this URL instead of starting one. With --token-file it uses that admin token; without, it asks you to sign in.</source>
        <translation>Conectarse a un motor en ejecución en esta URL en lugar de iniciar uno. Con --token-file usa ese token de administrador; sin él, le pide iniciar sesión.</translation>
    </message>
    <message>
        <source>Sign in to the remote engine used last time, or to the one that --engine-url names.</source>
        <translation>Iniciar sesión en el motor remoto usado la última vez, o en el que indica --engine-url.</translation>
    </message>
</context>
</TS>
