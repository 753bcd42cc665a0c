<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>hubdesk::ActivityCharts</name>
    <message>
        <source>Run duration, last %1 days</source>
        <translation>مدة التشغيلات، آخر %1 يومًا</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Unusually long</source>
        <translation>أطول من المعتاد</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Median (%1 min)</source>
        <extracomment>The median run duration in minutes.</extracomment>
        <translation>الوسيط (%1 دقيقة)</translation>
    </message>
    <message>
        <source>Median (needs 3 successful runs)</source>
        <translation>الوسيط (يتطلب 3 تشغيلات ناجحة)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>الدقائق</translation>
    </message>
    <message>
        <source>Runs per day</source>
        <translation>التشغيلات في اليوم</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>نجح</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>التشغيلات</translation>
    </message>
</context>
<context>
    <name>hubdesk::AdvancedDestinationSettings</name>
    <message>
        <source>Time-out</source>
        <translation>مهلة الانتظار</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ث</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>المحاولات</translation>
    </message>
    <message>
        <source>Default (4)</source>
        <translation>الافتراضي (4)</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>أول إعادة محاولة بعد</translation>
    </message>
    <message>
        <source>Default (2 s)</source>
        <translation>الافتراضي (2 ث)</translation>
    </message>
    <message>
        <source>Longest pause</source>
        <translation>أطول توقف</translation>
    </message>
    <message>
        <source>Default (60 s)</source>
        <translation>الافتراضي (60 ث)</translation>
    </message>
    <message>
        <source>Give up after</source>
        <translation>التوقف بعد</translation>
    </message>
    <message>
        <source> min</source>
        <translation> د</translation>
    </message>
    <message>
        <source>Default (15 min)</source>
        <translation>الافتراضي (15 د)</translation>
    </message>
    <message>
        <source>How long the engine waits for the server before an attempt fails.</source>
        <translation>المدة التي ينتظر فيها المحرك الخادم قبل أن تفشل المحاولة.</translation>
    </message>
    <message>
        <source>How many times a delivery is tried when the failure may be temporary, such as a time-out. Test Connection tries once.</source>
        <translation>عدد مرات محاولة التسليم عندما قد يكون الفشل مؤقتًا، مثل انتهاء المهلة. اختبار الاتصال يحاول مرة واحدة.</translation>
    </message>
    <message>
        <source>The pause before the second attempt; each later pause is about twice as long.</source>
        <translation>التوقف قبل المحاولة الثانية؛ كل توقف لاحق أطول بنحو الضعف.</translation>
    </message>
    <message>
        <source>No pause between attempts is longer than this.</source>
        <translation>لا يطول أي توقف بين المحاولات عن هذه المدة.</translation>
    </message>
    <message>
        <source>No new attempt starts this long after the first one.</source>
        <translation>لا تبدأ أي محاولة جديدة بعد مرور هذه المدة على الأولى.</translation>
    </message>
    <message>
        <source>Time-out:</source>
        <translation>مهلة الانتظار:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>المحاولات:</translation>
    </message>
    <message>
        <source>First retry after:</source>
        <translation>أول إعادة محاولة بعد:</translation>
    </message>
    <message>
        <source>Longest pause:</source>
        <translation>أطول توقف:</translation>
    </message>
    <message>
        <source>Give up after:</source>
        <translation>التوقف بعد:</translation>
    </message>
</context>
<context>
    <name>hubdesk::ApiIntegrationForm</name>
    <message>
        <source>Test Connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>View Runs</source>
        <translation>عرض التشغيلات</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>الاتصال</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>الجدولة</translation>
    </message>
    <message>
        <source>Manage API Integration</source>
        <translation>إدارة تكامل واجهة API</translation>
    </message>
    <message>
        <source>Manage API Integration: %1</source>
        <translation>إدارة تكامل واجهة API: %1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <extracomment>Notes of a connector whose vendor publishes no API description; %1 is the notes.</extracomment>
        <translation>قالب: %1</translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation>%1 (مطلوب):</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>جارٍ اختبار الاتصال…</translation>
    </message>
    <message>
        <source>Not tested: complete the settings marked below.</source>
        <translation>لم يُختبر: أكمل الإعدادات المحددة أدناه.</translation>
    </message>
    <message>
        <source>Connected. %1</source>
        <extracomment>The result of Test Connection; %1 is the engine&apos;s sentence.</extracomment>
        <translation>تم الاتصال. %1</translation>
    </message>
    <message>
        <source>Connection failed. %1</source>
        <translation>فشل الاتصال. %1</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>Retries after an engine stop:</source>
        <translation>إعادة المحاولة بعد توقف المحرك:</translation>
    </message>
    <message>
        <source>Only changes since the last pull</source>
        <translation>التغييرات منذ آخر سحب فقط</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>كل البيانات</translation>
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
        <translation>كل المناطق التعليمية</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>District</source>
        <translation>المنطقة التعليمية</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Approve load</source>
        <translation>الموافقة على التحميل</translation>
    </message>
    <message>
        <source>Reject load</source>
        <translation>رفض التحميل</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>إلغاء التشغيل</translation>
    </message>
    <message>
        <source>Reset secret</source>
        <translation>إعادة تعيين السر</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <source>Blackout window</source>
        <translation>فترة الحظر</translation>
    </message>
    <message>
        <source>File specification</source>
        <translation>مواصفات الملف</translation>
    </message>
    <message>
        <source>OneRoster application</source>
        <translation>تطبيق OneRoster</translation>
    </message>
    <message>
        <source>Notification settings</source>
        <translation>إعدادات الإشعارات</translation>
    </message>
    <message>
        <source>Integration notifications</source>
        <translation>إشعارات التكامل</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>التشغيل</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>الحساب</translation>
    </message>
    <message>
        <source>Start upload</source>
        <translation>بدء الرفع</translation>
    </message>
    <message>
        <source>Complete upload</source>
        <translation>إكمال الرفع</translation>
    </message>
    <message>
        <source>Delete upload</source>
        <translation>حذف الملف المرفوع</translation>
    </message>
</context>
<context>
    <name>hubdesk::AuditLogPage</name>
    <message>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>إدخالات سجل التدقيق</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Show only entries logged from the first date through the second, in the district&apos;s time zone</source>
        <translation>عرض الإدخالات المسجلة من التاريخ الأول حتى الثاني فقط، بالمنطقة الزمنية للمنطقة التعليمية</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>تاريخ البداية</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>تاريخ النهاية</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>أي مستخدم</translation>
    </message>
    <message>
        <source>The exact user name, such as jsmith</source>
        <translation>اسم المستخدم بالضبط، مثل jsmith</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <source>Save every entry that matches the filters as a CSV file</source>
        <translation>حفظ كل الإدخالات المطابقة للمرشحات في ملف CSV</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>المستخدم:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>السجل:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>الإجراء:</translation>
    </message>
    <message>
        <source>No entries match the filters.</source>
        <translation>لا توجد إدخالات تطابق المرشحات.</translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3</source>
        <extracomment>The entries shown on this page and the entries that match the filters.</extracomment>
        <translation>الإدخالات %1–%2 من %3</translation>
    </message>
    <message>
        <source>Select an entry to see the record before and after the change.</source>
        <translation>اختر إدخالاً لرؤية السجل قبل التغيير وبعده.</translation>
    </message>
    <message>
        <source>%1 %2 by %3 at %4</source>
        <extracomment>An audit entry: the action, the record, the user and the time, such as &quot;Update Destination 4 by jsmith at 12/04/2026 10:15:00 AM EST&quot;.</extracomment>
        <translation>%1 %2 بواسطة %3 في %4</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>تصدير سجل التدقيق</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>جارٍ تصدير سجل التدقيق…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت كتابة %1: %2</translation>
    </message>
    <message>
        <source>Saved the audit log to %1.</source>
        <translation>حُفظ سجل التدقيق في %1.</translation>
    </message>
</context>
<context>
    <name>hubdesk::AzureBlobPage</name>
    <message>
        <source>Storage account URL</source>
        <translation>عنوان URL لحساب التخزين</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>الحاوية</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and hyphens</source>
        <translation>أحرف صغيرة وأرقام وشرطات</translation>
    </message>
    <message>
        <source>Blob path template</source>
        <translation>قالب مسار الكائن الثنائي</translation>
    </message>
    <message>
        <source>Azure authentication</source>
        <translation>مصادقة Azure</translation>
    </message>
    <message>
        <source>Shared Key (account key)</source>
        <translation>المفتاح المشترك (مفتاح الحساب)</translation>
    </message>
    <message>
        <source>SAS token</source>
        <translation>رمز SAS</translation>
    </message>
    <message>
        <source>Account key</source>
        <translation>مفتاح الحساب</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>حجم الكتلة</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> كيلوبايت</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>Key 1 or key 2 from the storage account&apos;s Access keys</source>
        <translation>المفتاح 1 أو المفتاح 2 من مفاتيح الوصول لحساب التخزين</translation>
    </message>
    <message>
        <source>The query string, such as sv=…&amp;sig=…</source>
        <translation>سلسلة الاستعلام، مثل sv=…&amp;sig=…</translation>
    </message>
    <message>
        <source>Automatic chooses the block size from the file size. Set it only when a network or proxy needs smaller requests.</source>
        <translation>الخيار التلقائي يحدد حجم الكتلة من حجم الملف. عيّنه فقط عندما تحتاج شبكة أو خادم وكيل إلى طلبات أصغر.</translation>
    </message>
    <message>
        <source>Account URL:</source>
        <translation>عنوان URL للحساب:</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>الحاوية:</translation>
    </message>
    <message>
        <source>Blob path template:</source>
        <translation>قالب مسار الكائن الثنائي:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>المصادقة:</translation>
    </message>
    <message>
        <source>Account key:</source>
        <translation>مفتاح الحساب:</translation>
    </message>
    <message>
        <source>SAS token:</source>
        <translation>رمز SAS:</translation>
    </message>
    <message>
        <source>Block size:</source>
        <translation>حجم الكتلة:</translation>
    </message>
</context>
<context>
    <name>hubdesk::BundleFolderZip</name>
    <message>
        <source>The folder %1 was not found.</source>
        <translation>لم يُعثر على المجلد %1.</translation>
    </message>
    <message>
        <source>Cannot read the folder %1. Check that your account may open it.</source>
        <translation>تعذّرت قراءة المجلد %1. تحقق من أن حسابك يملك إذن فتحه.</translation>
    </message>
    <message>
        <source>The folder %1 has no manifest.csv, so it is not a OneRoster bundle. Choose the folder that contains manifest.csv and the bundle&apos;s CSV files.</source>
        <translation>لا يحتوي المجلد %1 على manifest.csv، لذا فهو ليس حزمة OneRoster. اختر المجلد الذي يحتوي على manifest.csv وملفات CSV الخاصة بالحزمة.</translation>
    </message>
    <message>
        <source>Cannot create the zip file %1: %2</source>
        <translation>تعذّر إنشاء ملف zip ‏%1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>تعذرت قراءة %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1 into the zip file %2: %3</source>
        <translation>تعذّرت كتابة %1 في ملف zip ‏%2: %3</translation>
    </message>
    <message>
        <source>The file %1 got shorter while it was packed. Wait until the export has finished, then upload the folder again.</source>
        <translation>صار الملف %1 أقصر أثناء ضغطه. انتظر حتى ينتهي التصدير، ثم ارفع المجلد مرة أخرى.</translation>
    </message>
    <message>
        <source>Cannot write the zip file %1: %2</source>
        <translation>تعذّرت كتابة ملف zip ‏%1: %2</translation>
    </message>
</context>
<context>
    <name>hubdesk::CatalogPage</name>
    <message>
        <source>Add Integration</source>
        <translation>إضافة تكامل</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>البحث في الكتالوج</translation>
    </message>
    <message>
        <source>Search by system, vendor or output</source>
        <translation>البحث حسب النظام أو المورّد أو المُخرَج</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>المنتجات</translation>
    </message>
    <message>
        <source>Add an integration of the selected product</source>
        <translation>إضافة تكامل للمنتج المحدد</translation>
    </message>
    <message>
        <source>Product Catalog</source>
        <translation>كتالوج المنتجات</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>بحث (&amp;S):</translation>
    </message>
    <message>
        <source>Cannot add an integration of %1: %2</source>
        <translation>تعذّرت إضافة تكامل لـ %1: %2</translation>
    </message>
    <message>
        <source>File Specifications</source>
        <translation>مواصفات الملفات</translation>
    </message>
    <message>
        <source>Show how the engine reads the selected product&apos;s files</source>
        <translation>عرض كيفية قراءة المحرك لملفات المنتج المحدد</translation>
    </message>
    <message>
        <source>The columns, types, date formats and store mapping of this product&apos;s files</source>
        <translation>أعمدة ملفات هذا المنتج وأنواعها وتنسيقات التاريخ فيها وربطها بالمخزن</translation>
    </message>
    <message>
        <source>Select a product whose files are read with file specifications, such as Assessment Results or Attendance.</source>
        <translation>حدد منتجًا تُقرأ ملفاته بمواصفات الملفات، مثل Assessment Results أو Attendance.</translation>
    </message>
    <message>
        <source>No products match &quot;%1&quot;.</source>
        <translation>لا توجد منتجات تطابق &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>hubdesk::CopyFileSpecDialog</name>
    <message>
        <source>Copy File Specification</source>
        <translation>نسخ مواصفة ملف</translation>
    </message>
    <message>
        <source>The copy belongs to the district and starts with the columns and mapping of %1. Files of its product are read with the district&apos;s specifications first.</source>
        <translation>تعود النسخة إلى المنطقة التعليمية وتبدأ بأعمدة %1 وربطها. تُقرأ ملفات منتجها بمواصفات المنطقة التعليمية أولًا.</translation>
    </message>
    <message>
        <source>Key of the copy</source>
        <translation>مفتاح النسخة</translation>
    </message>
    <message>
        <source>1 to 63 lower-case letters, digits and hyphens</source>
        <translation>من 1 إلى 63 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة</translation>
    </message>
    <message>
        <source>Name of the copy</source>
        <translation>اسم النسخة</translation>
    </message>
    <message>
        <source>%1 (district copy)</source>
        <extracomment>The suggested name of a district&apos;s copy of a file specification.</extracomment>
        <translation>%1 (نسخة المنطقة التعليمية)</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>المفتاح (&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الاسم (&amp;N):</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Cannot copy the file specification: %1</source>
        <translation>تعذّر نسخ مواصفة الملف: %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::DestinationListEditor</name>
    <message>
        <source>+ Destination</source>
        <translation>+ وجهة</translation>
    </message>
    <message>
        <source>Add destination row</source>
        <translation>إضافة صف وجهة</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غير نشط</translation>
    </message>
    <message>
        <source>Choose a destination</source>
        <translation>اختر وجهة</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <source>Change the chosen destination&apos;s settings or test its connection.</source>
        <translation>غيّر إعدادات الوجهة المختارة أو اختبر اتصالها.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <source>Destination 99</source>
        <translation>الوجهة 99</translation>
    </message>
    <message>
        <source>Destination %1</source>
        <translation>الوجهة %1</translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation>حالة %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>تحرير %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>إزالة %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::EngineClient</name>
    <message>
        <source>The engine at %1 refused the connection. Check that it is running and that the address is right.</source>
        <translation>رفض المحرك في %1 الاتصال. تحقق من أنه قيد التشغيل ومن صحة العنوان.</translation>
    </message>
    <message>
        <source>The engine at %1 closed the connection before it answered. Check that it is still running, then try again.</source>
        <translation>أغلق المحرك في %1 الاتصال قبل أن يرد. تحقق من أنه ما زال قيد التشغيل، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The host name of %1 was not found. Check the engine address.</source>
        <translation>لم يُعثر على اسم المضيف لـ %1. تحقق من عنوان المحرك.</translation>
    </message>
    <message>
        <source>The engine at %1 did not answer in time. Try again; if it keeps happening, check the engine log.</source>
        <translation>لم يرد المحرك في %1 في الوقت المحدد. أعد المحاولة؛ وإذا تكرر ذلك، فراجع سجل المحرك.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>أُلغي الطلب.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed. Check the engine&apos;s certificate.</source>
        <translation>فشل الاتصال الآمن بـ %1. تحقق من شهادة المحرك.</translation>
    </message>
    <message>
        <source>The network connection was lost. Check the network, then try again.</source>
        <translation>انقطع اتصال الشبكة. تحقق من الشبكة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The system does not allow network requests in the background.</source>
        <translation>لا يسمح النظام بطلبات الشبكة في الخلفية.</translation>
    </message>
    <message>
        <source>The engine at %1 redirected the request too many times. Check the engine address.</source>
        <translation>أعاد المحرك في %1 توجيه الطلب مرات كثيرة جدًا. تحقق من عنوان المحرك.</translation>
    </message>
    <message>
        <source>The engine at %1 redirected a secure request to an insecure address; the request was stopped.</source>
        <translation>أعاد المحرك في %1 توجيه طلب آمن إلى عنوان غير آمن؛ فأُوقف الطلب.</translation>
    </message>
    <message>
        <source>The proxy server failed to reach the engine at %1. Check the proxy settings.</source>
        <translation>تعذّر على الخادم الوكيل الوصول إلى المحرك في %1. تحقق من إعدادات الخادم الوكيل.</translation>
    </message>
    <message>
        <source>The proxy server requires a sign-in. Check the proxy settings.</source>
        <translation>يتطلب الخادم الوكيل تسجيل الدخول. تحقق من إعدادات الخادم الوكيل.</translation>
    </message>
    <message>
        <source>The engine at %1 denied access.</source>
        <translation>رفض المحرك في %1 الوصول.</translation>
    </message>
    <message>
        <source>The engine at %1 has no resource at %2.</source>
        <translation>لا يوجد لدى المحرك في %1 مورد في %2.</translation>
    </message>
    <message>
        <source>The request to %1 could not be sent again. Try again.</source>
        <translation>تعذّر إرسال الطلب إلى %1 مرة أخرى. أعد المحاولة.</translation>
    </message>
    <message>
        <source>The engine at %1 reported a conflict with the current state.</source>
        <translation>أبلغ المحرك في %1 عن تعارض مع الحالة الحالية.</translation>
    </message>
    <message>
        <source>The resource %1 no longer exists on the engine.</source>
        <translation>لم يعد المورد %1 موجودًا على المحرك.</translation>
    </message>
    <message>
        <source>The address %1 does not use http or https.</source>
        <translation>العنوان %1 لا يستخدم http أو https.</translation>
    </message>
    <message>
        <source>The answer from %1 was not valid HTTP. Check that the address belongs to a Hubdesk engine.</source>
        <translation>لم يكن الرد من %1 بصيغة HTTP صالحة. تحقق من أن العنوان يخص محرك Hubdesk.</translation>
    </message>
    <message>
        <source>The engine at %1 failed to process the request. See the engine log.</source>
        <translation>فشل المحرك في %1 في معالجة الطلب. راجع سجل المحرك.</translation>
    </message>
    <message>
        <source>The request to %1 failed with network error %2.</source>
        <translation>فشل الطلب إلى %1 بخطأ الشبكة %2.</translation>
    </message>
    <message>
        <source>The engine at %1 sent no HTTP status.</source>
        <translation>لم يرسل المحرك في %1 أي حالة HTTP.</translation>
    </message>
    <message>
        <source>The engine&apos;s answer to %1 is not valid JSON: %2</source>
        <translation>رد المحرك على %1 ليس JSON صالحًا: %2</translation>
    </message>
    <message>
        <source>The certificate of the engine at %1 is for %2, not for %1. Connect with a name that the certificate lists, or ask the engine&apos;s administrator for a certificate that includes %1.</source>
        <translation>شهادة المحرك في %1 صادرة لـ %2، لا لـ %1. اتصل باسم مُدرج في الشهادة، أو اطلب من مسؤول المحرك شهادة تتضمن %1.</translation>
    </message>
    <message>
        <source>The certificate of the engine at %1 expired on %2. Ask the engine&apos;s administrator to renew it.</source>
        <translation>انتهت صلاحية شهادة المحرك في %1 في %2. اطلب من مسؤول المحرك تجديدها.</translation>
    </message>
    <message>
        <source>The certificate of the engine at %1 is not valid before %2. Check the date and time of this computer.</source>
        <translation>شهادة المحرك في %1 غير صالحة قبل %2. تحقق من تاريخ هذا الحاسوب ووقته.</translation>
    </message>
    <message>
        <source>This computer does not trust the certificate of the engine at %1 (issued by %2). If the district has its own certificate authority, choose its CA file in the sign-in dialog, or start hubdesk with --ca-file FILE. Otherwise ask the engine&apos;s administrator for a certificate from a trusted authority.</source>
        <translation>لا يثق هذا الحاسوب بشهادة المحرك في %1 (الصادرة عن %2). إذا كان للمنطقة التعليمية مرجع تصديق خاص بها، فاختر ملف المرجع في مربع حوار تسجيل الدخول، أو شغّل hubdesk باستخدام --ca-file FILE. وإلا فاطلب من مسؤول المحرك شهادة من مرجع موثوق.</translation>
    </message>
    <message>
        <source>an unknown issuer</source>
        <translation>جهة إصدار غير معروفة</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>لا تفاصيل</translation>
    </message>
    <message>
        <source>The secure connection to the engine at %1 failed: %2. Check the engine&apos;s certificate.</source>
        <translation>فشل الاتصال الآمن بالمحرك في %1: %2. تحقق من شهادة المحرك.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2. Check the path.</source>
        <translation>تعذّرت قراءة ملف المرجع المصدق %1: %2. تحقق من المسار.</translation>
    </message>
    <message>
        <source>The CA file %1 contains no PEM certificate (a block that begins with &quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation>لا يحتوي ملف المرجع المصدق %1 على شهادة PEM (كتلة تبدأ بـ &quot;-----BEGIN CERTIFICATE-----&quot;).</translation>
    </message>
    <message>
        <source>The chosen CA file does not vouch for the certificate of the engine at %1 (issued by %2). Choose the CA file of the authority that issued it, or ask the engine&apos;s administrator which file to use.</source>
        <translation>ملف CA المختار لا يضمن شهادة المحرك على %1 (الصادرة عن %2). اختر ملف CA الخاص بالجهة التي أصدرتها، أو اسأل مسؤول المحرك عن الملف الذي يجب استخدامه.</translation>
    </message>
    <message>
        <source>The engine no longer accepts this connection&apos;s token. Sign in again, or reconnect to the engine.</source>
        <translation>لم يعد المحرك يقبل رمز هذا الاتصال. سجّل الدخول مرة أخرى أو أعد الاتصال بالمحرك.</translation>
    </message>
    <message>
        <source>Your role does not allow this action. Ask a district administrator.</source>
        <translation>دورك لا يسمح بهذا الإجراء. اطلبه من مسؤول المنطقة التعليمية.</translation>
    </message>
    <message>
        <source>%1 It may have been deleted; refresh the page.</source>
        <translation>%1 ربما حُذف؛ حدّث الصفحة.</translation>
    </message>
    <message>
        <source>The engine does not offer this action. It may be an older version than this console.</source>
        <translation>لا يوفّر المحرك هذا الإجراء. ربما كان إصداره أقدم من إصدار وحدة التحكم هذه.</translation>
    </message>
    <message>
        <source>This integration is inbound, so it runs when a file is uploaded to it. Use Upload File… on the Integrations page.</source>
        <translation>هذا التكامل وارد، لذا يعمل عند رفع ملف إليه. استخدم «رفع ملف…» في صفحة التكاملات.</translation>
    </message>
    <message>
        <source>The district has as many unfinished uploads as the engine allows. Wait until one of them ends or expires, or ask an administrator to delete one.</source>
        <translation>لدى المنطقة التعليمية أكبر عدد من عمليات الرفع غير المكتملة يسمح به المحرك. انتظر حتى تنتهي إحداها أو تنقضي مدتها، أو اطلب من مسؤول حذف واحدة منها.</translation>
    </message>
    <message>
        <source>The engine cannot do this in the current state. Refresh the page and try again.</source>
        <translation>لا يستطيع المحرك فعل ذلك في الحالة الراهنة. حدّث الصفحة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>%1 Correct the marked fields and try again.</source>
        <translation>%1 صحّح الحقول المعلَّمة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Some values are invalid.</source>
        <translation>بعض القيم غير صالحة.</translation>
    </message>
    <message>
        <source>The engine received too many requests from this computer. Wait a moment and try again.</source>
        <translation>تلقّى المحرك طلبات كثيرة جدًا من هذا الحاسوب. انتظر قليلًا وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The engine failed to process the request: %1 See the engine log for details.</source>
        <translation>تعذّر على المحرك معالجة الطلب: %1 راجع سجل المحرك لمعرفة التفاصيل.</translation>
    </message>
    <message>
        <source>The engine failed to process the request. See the engine log for details.</source>
        <translation>تعذّر على المحرك معالجة الطلب. راجع سجل المحرك لمعرفة التفاصيل.</translation>
    </message>
    <message>
        <source>The engine rejected the request: %1</source>
        <translation>رفض المحرك الطلب: %1</translation>
    </message>
    <message>
        <source>The engine rejected the request. The console and the engine may be of different versions.</source>
        <translation>رفض المحرك الطلب. ربما كانت وحدة التحكم والمحرك من إصدارين مختلفين.</translation>
    </message>
</context>
<context>
    <name>hubdesk::EngineLauncher</name>
    <message>
        <source>The engine executable hubd was not found in %1. Set HUBDESK_HUBD to its path.</source>
        <translation>لم يُعثر على الملف التنفيذي للمحرك hubd في %1. عيّن HUBDESK_HUBD إلى مساره.</translation>
    </message>
    <message>
        <source>The engine executable %1 does not exist or is not executable. Set HUBDESK_HUBD to the path of hubd.</source>
        <translation>الملف التنفيذي للمحرك %1 غير موجود أو غير قابل للتنفيذ. عيّن HUBDESK_HUBD إلى مسار hubd.</translation>
    </message>
    <message>
        <source>Cannot create the engine&apos;s data folder %1. Check its permissions or choose another folder with --data-dir.</source>
        <translation>تعذّر إنشاء مجلد بيانات المحرك %1. تحقق من أذوناته أو اختر مجلدًا آخر باستخدام --data-dir.</translation>
    </message>
    <message>
        <source>The engine reported the address %1, which is not a port on 127.0.0.1.</source>
        <translation>أبلغ المحرك عن العنوان %1، وهو ليس منفذًا على 127.0.0.1.</translation>
    </message>
    <message>
        <source>Cannot start the engine %1: %2</source>
        <translation>تعذّر تشغيل المحرك %1: %2</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>تعطّل</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>انتهى بالرمز %1</translation>
    </message>
    <message>
        <source>Its last messages:</source>
        <translation>آخر رسائله:</translation>
    </message>
    <message>
        <source>The engine %1 %2 before it was ready.</source>
        <translation>المحرك %1 %2 قبل أن يصبح جاهزًا.</translation>
    </message>
    <message>
        <source>The engine %1 did not report its address within %2 seconds.</source>
        <translation>لم يُبلغ المحرك %1 عن عنوانه خلال %2 ثانية.</translation>
    </message>
    <message>
        <source>The engine&apos;s data folder %1 is in use by another engine (hubd, process %2), probably started by another Hubdesk console.

Close that console or stop that process, then start Hubdesk again. To run a second console at the same time, start it with --data-dir and another folder.</source>
        <translation>مجلد بيانات المحرك %1 قيد الاستخدام من محرك آخر (hubd، العملية %2)، ربما شغّلته وحدة تحكم Hubdesk أخرى.

أغلق وحدة التحكم تلك أو أوقف تلك العملية، ثم شغّل Hubdesk مرة أخرى. لتشغيل وحدة تحكم ثانية في الوقت نفسه، شغّلها باستخدام --data-dir ومجلد آخر.</translation>
    </message>
    <message>
        <source>The local engine %1 %2.</source>
        <translation>المحرك المحلي %1 %2.</translation>
    </message>
</context>
<context>
    <name>hubdesk::FieldErrors</name>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileSpecColumnDelegate</name>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Store column</source>
        <translation>عمود المخزن</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>تنسيق التاريخ</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A date format and an example date in it, such as &quot;d/M/yyyy (25/1/2026)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>الحد الأدنى</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>الحد الأقصى</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>بلا حد</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>عمود الملف</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>الطول الأقصى</translation>
    </message>
    <message>
        <source>Default limit</source>
        <extracomment>The placeholder of an empty maximum length: the engine&apos;s default limit applies.</extracomment>
        <translation>الحد الافتراضي</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileSpecColumnModel</name>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>Integer</source>
        <translation>عدد صحيح</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>رقم</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>Enumeration</source>
        <extracomment>A column type: one of a list of values.</extracomment>
        <translation>تعداد</translation>
    </message>
    <message>
        <source>Yes or no</source>
        <translation>نعم أو لا</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>عام دراسي</translation>
    </message>
    <message>
        <source>Keep in extensions</source>
        <extracomment>A file column without a store column keeps its values in the record&apos;s extensions.</extracomment>
        <translation>الاحتفاظ في الامتدادات</translation>
    </message>
    <message>
        <source>File Column</source>
        <translation>عمود الملف</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <source>Store Column</source>
        <translation>عمود المخزن</translation>
    </message>
    <message>
        <source>Date Format</source>
        <translation>تنسيق التاريخ</translation>
    </message>
    <message>
        <source>Allowed Values</source>
        <translation>القيم المسموح بها</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>الحد الأدنى</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>الحد الأقصى</translation>
    </message>
    <message>
        <source>Natural Key</source>
        <translation>المفتاح الطبيعي</translation>
    </message>
    <message>
        <source>The column&apos;s header in the file</source>
        <translation>ترويسة العمود في الملف</translation>
    </message>
    <message>
        <source>How the engine reads and checks the column&apos;s values</source>
        <translation>كيفية قراءة المحرك لقيم العمود والتحقق منها</translation>
    </message>
    <message>
        <source>Whether every row must have a value</source>
        <translation>ما إذا كان يجب أن يكون لكل صف قيمة</translation>
    </message>
    <message>
        <source>The store column that the value goes to</source>
        <translation>عمود المخزن الذي تذهب إليه القيمة</translation>
    </message>
    <message>
        <source>The order of day, month and year in the column&apos;s dates</source>
        <translation>ترتيب اليوم والشهر والسنة في تواريخ العمود</translation>
    </message>
    <message>
        <source>The values an enumeration or yes-or-no column accepts</source>
        <translation>القيم التي يقبلها عمود التعداد أو عمود نعم أو لا</translation>
    </message>
    <message>
        <source>The smallest number the column accepts</source>
        <translation>أصغر رقم يقبله العمود</translation>
    </message>
    <message>
        <source>The largest number the column accepts</source>
        <translation>أكبر رقم يقبله العمود</translation>
    </message>
    <message>
        <source>The columns that together identify a row of the file</source>
        <translation>الأعمدة التي تحدد معًا صفًا من الملف</translation>
    </message>
    <message>
        <source>%1 (any case)</source>
        <extracomment>The allowed values of an enumeration that matches them in any letter case.</extracomment>
        <translation>%1 (بأي حالة أحرف)</translation>
    </message>
    <message>
        <source>yes: %1 · no: %2</source>
        <extracomment>The values that read as yes and as no, such as &quot;Yes; Y&quot; and &quot;No; N&quot;.</extracomment>
        <translation>نعم: %1 · لا: %2</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>العمود %1</translation>
    </message>
    <message>
        <source>Max Length</source>
        <translation>الطول الأقصى</translation>
    </message>
    <message>
        <source>The maximum number of characters of a text value</source>
        <translation>أقصى عدد من الأحرف في قيمة نصية</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileSpecConstantsDialog</name>
    <message>
        <source>Remove Constant</source>
        <translation>إزالة الثابت</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>الثوابت</translation>
    </message>
    <message>
        <source>Every row of the file gets these values in these store columns. A store column that a file column fills cannot have a constant too.</source>
        <translation>يحصل كل صف من الملف على هذه القيم في أعمدة المخزن هذه. لا يمكن أن يكون لعمود مخزن يملؤه عمود من الملف ثابت أيضًا.</translation>
    </message>
    <message>
        <source>Store Column</source>
        <translation>عمود المخزن</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Add Constant</source>
        <translation>إضافة ثابت</translation>
    </message>
    <message>
        <source>%1 has two constants. Remove one of them.</source>
        <translation>لـ %1 ثابتان. أزل أحدهما.</translation>
    </message>
    <message>
        <source>The constant for %1 has no value. Enter one, or remove the constant.</source>
        <translation>الثابت الخاص بـ %1 بلا قيمة. أدخل قيمة، أو أزل الثابت.</translation>
    </message>
    <message>
        <source>Store column of constant %1</source>
        <translation>عمود المخزن للثابت %1</translation>
    </message>
    <message>
        <source>Value of constant %1</source>
        <translation>قيمة الثابت %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileSpecsPage</name>
    <message>
        <source>One value per line</source>
        <translation>قيمة واحدة في كل سطر</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>نسخ…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Keep columns that the specification does not declare, in extensions</source>
        <translation>الاحتفاظ في الامتدادات بالأعمدة التي لا تصرّح بها المواصفة</translation>
    </message>
    <message>
        <source>Add Column</source>
        <translation>إضافة عمود</translation>
    </message>
    <message>
        <source>Remove Column</source>
        <translation>إزالة العمود</translation>
    </message>
    <message>
        <source>Allowed values</source>
        <translation>القيم المسموح بها</translation>
    </message>
    <message>
        <source>Match in any letter case</source>
        <translation>المطابقة بأي حالة أحرف</translation>
    </message>
    <message>
        <source>Values that mean yes</source>
        <translation>القيم التي تعني نعم</translation>
    </message>
    <message>
        <source>Values that mean no</source>
        <translation>القيم التي تعني لا</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>File Specifications</source>
        <translation>مواصفات الملفات</translation>
    </message>
    <message>
        <source>A file specification says how the engine reads an assessment or attendance file: its columns, their types and date formats, and the store column each one fills. Copy a specification to change its mapping for the district.</source>
        <translation>تحدد مواصفة الملف كيفية قراءة المحرك لملف تقييمات أو حضور: أعمدته وأنواعها وتنسيقات التاريخ فيها، وعمود المخزن الذي يملؤه كل منها. انسخ مواصفة لتغيير ربطها للمنطقة التعليمية.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>المنتج</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>كل المنتجات</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>المنتج (&amp;P):</translation>
    </message>
    <message>
        <source>File specifications</source>
        <translation>مواصفات الملفات</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Store Table</source>
        <translation>جدول المخزن</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Copy the selected file specification</source>
        <translation>نسخ مواصفة الملف المحددة</translation>
    </message>
    <message>
        <source>Delete the selected file specification</source>
        <translation>حذف مواصفة الملف المحددة</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Without it, a column that the specification does not declare gives a warning and its values are not kept.</source>
        <translation>بدون هذا الخيار، ينتج عن العمود الذي لا تصرّح به المواصفة تحذير ولا يُحتفظ بقيمه.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>المفتاح (&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الاسم (&amp;N):</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>المنتج:</translation>
    </message>
    <message>
        <source>Store table:</source>
        <translation>جدول المخزن:</translation>
    </message>
    <message>
        <source>Copied from:</source>
        <translation>منسوخة من:</translation>
    </message>
    <message>
        <source>Constants:</source>
        <extracomment>Store columns that every row gets with a fixed value, such as subject = ELA.</extracomment>
        <translation>الثوابت:</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>أعمدة الملف</translation>
    </message>
    <message>
        <source>Add a column below the selected one</source>
        <translation>إضافة عمود أسفل العمود المحدد</translation>
    </message>
    <message>
        <source>Remove the selected column</source>
        <translation>إزالة العمود المحدد</translation>
    </message>
    <message>
        <source>Save the file specification</source>
        <translation>حفظ مواصفة الملف</translation>
    </message>
    <message>
        <source>Revert to the saved file specification</source>
        <translation>العودة إلى مواصفة الملف المحفوظة</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>الأعمدة</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>القيم (&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Yes values:</source>
        <translation>قيم نعم (&amp;Y):</translation>
    </message>
    <message>
        <source>N&amp;o values:</source>
        <translation>قيم لا (&amp;O):</translation>
    </message>
    <message>
        <source>Cannot load the file specifications: %1</source>
        <translation>تعذّر تحميل مواصفات الملفات: %1</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>مضمّنة</translation>
    </message>
    <message>
        <source>District, copied from %1</source>
        <extracomment>The origin of a district&apos;s specification: the one it was copied from.</extracomment>
        <translation>للمنطقة التعليمية، منسوخة من %1</translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation>تجاهل التغييرات؟</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Discard them, or cancel and save them first.</source>
        <translation>في %1 تغييرات غير محفوظة. تجاهلها، أو ألغِ واحفظها أولًا.</translation>
    </message>
    <message>
        <source>Built in; copy it to change the mapping.</source>
        <translation>مضمّنة؛ انسخها لتغيير الربط.</translation>
    </message>
    <message>
        <source>A %1 column has no list of allowed values.</source>
        <translation>ليس لعمود من نوع %1 قائمة قيم مسموح بها.</translation>
    </message>
    <message>
        <source>Select an enumeration or yes-or-no column to see its allowed values.</source>
        <translation>حدد عمود تعداد أو عمود نعم أو لا لعرض قيمه المسموح بها.</translation>
    </message>
    <message>
        <source>Allowed Values of %1</source>
        <extracomment>The title of the box with the allowed values of the selected column.</extracomment>
        <translation>القيم المسموح بها لـ %1</translation>
    </message>
    <message>
        <source>Allowed Values</source>
        <translation>القيم المسموح بها</translation>
    </message>
    <message>
        <source>Save or revert the changes before you copy.</source>
        <translation>احفظ التغييرات أو تراجع عنها قبل النسخ.</translation>
    </message>
    <message>
        <source>Make the district&apos;s own copy to change its mapping.</source>
        <translation>أنشئ نسخة خاصة بالمنطقة التعليمية لتغيير ربطها.</translation>
    </message>
    <message>
        <source>Built-in specifications cannot be changed or deleted. Copy one to make the district&apos;s own.</source>
        <translation>لا يمكن تغيير المواصفات المضمّنة أو حذفها. انسخ واحدة لإنشاء مواصفة خاصة بالمنطقة التعليمية.</translation>
    </message>
    <message>
        <source>Copied to %1. Change its mapping, then save.</source>
        <translation>نُسخت باسم %1. غيّر ربطها ثم احفظ.</translation>
    </message>
    <message>
        <source>Cannot save the file specification: %1</source>
        <translation>تعذّر حفظ مواصفة الملف: %1</translation>
    </message>
    <message>
        <source>Saved %1. It applies to files that arrive from now on.</source>
        <translation>حُفظت %1. تنطبق على الملفات التي تصل من الآن فصاعدًا.</translation>
    </message>
    <message>
        <source>Delete File Specification?</source>
        <translation>حذف مواصفة الملف؟</translation>
    </message>
    <message>
        <source>Delete %1? Files that arrive afterwards are read with the other specifications of %2.</source>
        <translation>حذف %1؟ ستُقرأ الملفات التي تصل بعد ذلك بمواصفات %2 الأخرى.</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>تعذّر حذف %1: %2</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>حُذفت %1.</translation>
    </message>
    <message>
        <source>Natural key: none. Tick the columns that together identify a row.</source>
        <translation>المفتاح الطبيعي: لا شيء. حدد الأعمدة التي تحدد معًا صفًا.</translation>
    </message>
    <message>
        <source>Natural key: %1</source>
        <extracomment>The columns that together identify a row, in order.</extracomment>
        <translation>المفتاح الطبيعي: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <extracomment>A store column and the fixed value that every row gets in it.</extracomment>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Constants…</source>
        <translation>الثوابت…</translation>
    </message>
    <message>
        <source>Change the constants</source>
        <translation>تغيير الثوابت</translation>
    </message>
    <message>
        <source>Save Changes?</source>
        <translation>حفظ التغييرات؟</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them before leaving the page?</source>
        <translation>في %1 تغييرات غير محفوظة. هل تريد حفظها قبل مغادرة الصفحة؟</translation>
    </message>
</context>
<context>
    <name>hubdesk::FileUpload</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>تعذرت قراءة %1: %2</translation>
    </message>
    <message>
        <source>The file %1 is empty; choose a file with data.</source>
        <translation>الملف %1 فارغ؛ اختر ملفًا يحتوي على بيانات.</translation>
    </message>
    <message>
        <source>The upload of %1 was cancelled.</source>
        <translation>أُلغي رفع %1.</translation>
    </message>
</context>
<context>
    <name>hubdesk::FolderPage</name>
    <message>
        <source>Folder path</source>
        <translation>مسار المجلد</translation>
    </message>
    <message>
        <source>An absolute path on the engine&apos;s computer</source>
        <translation>مسار مطلق على حاسوب المحرك</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>قالب اسم الملف</translation>
    </message>
    <message>
        <source>Browse for the folder</source>
        <translation>استعراض المجلد</translation>
    </message>
    <message>
        <source>Folder path:</source>
        <translation>مسار المجلد:</translation>
    </message>
    <message>
        <source>File name template:</source>
        <translation>قالب اسم الملف:</translation>
    </message>
    <message>
        <source>Choose the Folder</source>
        <translation>اختيار المجلد</translation>
    </message>
</context>
<context>
    <name>hubdesk::HeadlessDemo</name>
    <message>
        <source>The demo runs only against the local demo engine that it starts, not against the engine at %1, because its run delivers a real report.</source>
        <translation>يعمل العرض التوضيحي فقط على محرك العرض المحلي الذي يشغّله، لا على المحرك في %1، لأن تشغيله يسلّم تقريرًا حقيقيًا.</translation>
    </message>
    <message>
        <source>Using the engine at %1.</source>
        <translation>استخدام المحرك في %1.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the engine: %1</source>
        <translation>تعذّر إنشاء مجلد مؤقت للمحرك: %1</translation>
    </message>
    <message>
        <source>The engine is ready at %1.</source>
        <translation>المحرك جاهز في %1.</translation>
    </message>
    <message>
        <source>Starting the local engine %1 with the demo district in %2.</source>
        <translation>تشغيل المحرك المحلي %1 مع المنطقة التعليمية التجريبية في %2.</translation>
    </message>
    <message>
        <source>The engine&apos;s health check failed: %1</source>
        <translation>فشل فحص سلامة المحرك: %1</translation>
    </message>
    <message>
        <source>The district&apos;s time zone %1 is not a known IANA zone.</source>
        <translation>المنطقة الزمنية للمنطقة التعليمية %1 ليست منطقة IANA معروفة.</translation>
    </message>
    <message>
        <source>Connected to the district &quot;%1&quot; in the time zone %2.</source>
        <translation>متصل بالمنطقة التعليمية &quot;%1&quot; في المنطقة الزمنية %2.</translation>
    </message>
    <message>
        <source>Cannot list the outbound integrations: %1</source>
        <translation>تعذّر سرد التكاملات الصادرة: %1</translation>
    </message>
    <message>
        <source>No outbound integration sends &quot;%1&quot;; the engine has %2 outbound integrations. Start the engine with --demo to create the demo integrations.</source>
        <translation>لا يوجد تكامل صادر يرسل &quot;%1&quot;؛ لدى المحرك %2 من التكاملات الصادرة. شغّل المحرك باستخدام --demo لإنشاء تكاملات العرض التوضيحي.</translation>
    </message>
    <message>
        <source>Running integration %1: %2.</source>
        <translation>تشغيل التكامل %1: %2.</translation>
    </message>
    <message>
        <source>Cannot start the run: %1</source>
        <translation>تعذّر بدء التشغيل: %1</translation>
    </message>
    <message>
        <source>Queued Integration Instance Id %1.</source>
        <translation>أُضيف إلى قائمة الانتظار معرّف مثيل التكامل %1.</translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation>تعذّرت قراءة التشغيل %1: %2</translation>
    </message>
    <message>
        <source>%1, phase %2</source>
        <translation>%1، المرحلة %2</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>التشغيل %1: %2</translation>
    </message>
    <message>
        <source>Run %1 did not finish within %2 seconds; it is still %3.</source>
        <translation>لم ينتهِ التشغيل %1 خلال %2 ثانية؛ وما زال %3.</translation>
    </message>
    <message>
        <source>Cannot list today&apos;s runs: %1</source>
        <translation>تعذّر سرد تشغيلات اليوم: %1</translation>
    </message>
    <message>
        <source>Runbook Activities for %1 (%2):</source>
        <translation>أنشطة سجل التشغيل ليوم %1 (%2):</translation>
    </message>
    <message>
        <source>Phases of Integration Instance Id %1:</source>
        <translation>مراحل معرّف مثيل التكامل %1:</translation>
    </message>
    <message>
        <source>Phase Name</source>
        <translation>اسم المرحلة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Rows Read</source>
        <translation>الصفوف المقروءة</translation>
    </message>
    <message>
        <source>Rows Written</source>
        <translation>الصفوف المكتوبة</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>البايتات</translation>
    </message>
    <message>
        <source>Run message: %1</source>
        <translation>رسالة التشغيل: %1</translation>
    </message>
    <message>
        <source>Cannot list the destinations: %1</source>
        <translation>تعذّر سرد الوجهات: %1</translation>
    </message>
    <message>
        <source>The run wrote no file.</source>
        <translation>لم يكتب التشغيل أي ملف.</translation>
    </message>
    <message>
        <source>The integration has no active folder destination, so there is no local file to show.</source>
        <translation>ليس للتكامل وجهة مجلد نشطة، لذا لا يوجد ملف محلي لعرضه.</translation>
    </message>
    <message>
        <source>Cannot read the delivered file %1: %2</source>
        <translation>تعذّرت قراءة الملف المسلَّم %1: %2</translation>
    </message>
    <message>
        <source>Delivered file: %1</source>
        <translation>الملف المسلَّم: %1</translation>
    </message>
    <message>
        <source>First %1 lines:</source>
        <translation>أول %1 من الأسطر:</translation>
    </message>
    <message>
        <source>Rows after the header line: %1</source>
        <translation>الصفوف بعد سطر العناوين: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>خطأ: %1</translation>
    </message>
    <message>
        <source>Stopping the local engine.</source>
        <translation>إيقاف المحرك المحلي.</translation>
    </message>
    <message>
        <source>The engine&apos;s data stays in %1; delete that folder when done.</source>
        <translation>تبقى بيانات المحرك في %1؛ احذف ذلك المجلد عند الانتهاء.</translation>
    </message>
    <message>
        <source>Demo finished: the run succeeded.</source>
        <translation>انتهى العرض التوضيحي: نجح التشغيل.</translation>
    </message>
    <message>
        <source>Demo finished with errors (exit code %1).</source>
        <translation>انتهى العرض التوضيحي بأخطاء (رمز الخروج %1).</translation>
    </message>
</context>
<context>
    <name>hubdesk::HttpsPage</name>
    <message>
        <source>HTTPS URL</source>
        <translation>عنوان URL لـ HTTPS</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>طريقة HTTP</translation>
    </message>
    <message>
        <source>HTTPS authentication</source>
        <translation>مصادقة HTTPS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>رمز الحامل</translation>
    </message>
    <message>
        <source>Basic (user name and password)</source>
        <translation>أساسية (اسم المستخدم وكلمة المرور)</translation>
    </message>
    <message>
        <source>HTTPS user name</source>
        <translation>اسم مستخدم HTTPS</translation>
    </message>
    <message>
        <source>HTTPS password</source>
        <translation>كلمة مرور HTTPS</translation>
    </message>
    <message>
        <source>CA certificates file</source>
        <translation>ملف شهادات المرجع المصدق</translation>
    </message>
    <message>
        <source>Optional: a PEM file on the engine&apos;s computer</source>
        <translation>اختياري: ملف PEM على حاسوب المحرك</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>مفتاح العميل</translation>
    </message>
    <message>
        <source>Client key passphrase</source>
        <translation>عبارة مرور مفتاح العميل</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>قالب اسم الملف</translation>
    </message>
    <message>
        <source>Extra certificate authorities to trust besides the system&apos;s, for a server with a private CA.</source>
        <translation>مراجع تصديق إضافية موثوقة إلى جانب مراجع النظام، لخادم ذي مرجع تصديق خاص.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Browse for the CA certificates file</source>
        <translation>استعراض ملف شهادات المرجع المصدق</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>شهادة العميل</translation>
    </message>
    <message>
        <source>Optional: the PEM certificate that the server requires of the engine</source>
        <translation>اختياري: شهادة PEM التي يطلبها الخادم من المحرك</translation>
    </message>
    <message>
        <source>Load from File…</source>
        <translation>تحميل من ملف…</translation>
    </message>
    <message>
        <source>Load the client certificate from a file</source>
        <translation>تحميل شهادة العميل من ملف</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (PEM)</source>
        <translation>المفتاح الخاص للشهادة (PEM)</translation>
    </message>
    <message>
        <source>Load the Client Key</source>
        <translation>تحميل مفتاح العميل</translation>
    </message>
    <message>
        <source>Only if the key has one</source>
        <translation>فقط إذا كان للمفتاح عبارة مرور</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>عنوان URL:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>الطريقة:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>المصادقة:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>الرمز:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>اسم المستخدم:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>CA certificates:</source>
        <translation>شهادات المرجع المصدق:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>شهادة العميل:</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>مفتاح العميل:</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>عبارة مرور المفتاح:</translation>
    </message>
    <message>
        <source>File name template:</source>
        <translation>قالب اسم الملف:</translation>
    </message>
    <message>
        <source>Choose the CA Certificates File</source>
        <translation>اختيار ملف شهادات المرجع المصدق</translation>
    </message>
    <message>
        <source>Load the Client Certificate</source>
        <translation>تحميل شهادة العميل</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 KiB, so it is not a certificate.</source>
        <translation>الملف %1 أكبر من %2 كيلوبايت، لذا فهو ليس شهادة.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>تعذّرت قراءة %1: %2</translation>
    </message>
</context>
<context>
    <name>hubdesk::InboundIntegrationForm</name>
    <message>
        <source>Manage Inbound Integration</source>
        <translation>إدارة التكامل الوارد</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>السنة</translation>
    </message>
    <message>
        <source>System notes</source>
        <translation>ملاحظات النظام</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Approval of Large Deletions</source>
        <translation>الموافقة على عمليات الحذف الكبيرة</translation>
    </message>
    <message>
        <source>Largest share of a kind of record marked to be deleted without approval, in percent</source>
        <translation>أكبر نسبة مئوية من نوع من السجلات تُعلَّم للحذف دون موافقة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غير نشط</translation>
    </message>
    <message>
        <source>An Inactive integration takes no files.</source>
        <translation>التكامل غير النشط لا يقبل ملفات.</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>System type:</source>
        <translation>نوع النظام:</translation>
    </message>
    <message>
        <source>Vendor:</source>
        <translation>المورّد:</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>النظام:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>المنتج:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>الملفات:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>السنة:</translation>
    </message>
    <message>
        <source>System notes:</source>
        <translation>ملاحظات النظام:</translation>
    </message>
    <message>
        <source>Retries after an engine stop:</source>
        <translation>إعادة المحاولة بعد توقف المحرك:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <source>%</source>
        <extracomment>The unit after the number in the deletion limit&apos;s spin box.</extracomment>
        <translation>٪</translation>
    </message>
    <message>
        <source>Hold a load that marks more than %1 of a kind of record to be deleted</source>
        <extracomment>%1 is a spin box with the percentage, such as 10%.</extracomment>
        <translation>احتجاز أي تحميل يُعلِّم للحذف أكثر من %1 من نوع من السجلات</translation>
    </message>
    <message>
        <source>A held load waits in Runbook Activities for an operator to approve or reject it. 0 holds any load that marks a record to be deleted, and 100 holds none.</source>
        <translation>ينتظر التحميل المحتجز في أنشطة سجل التشغيل حتى يوافق عليه مشغّل أو يرفضه. القيمة 0 تحتجز أي تحميل يُعلِّم سجلًا للحذف، والقيمة 100 لا تحتجز أي تحميل.</translation>
    </message>
    <message>
        <source>Manage Inbound Integration: %1</source>
        <translation>إدارة التكامل الوارد: %1</translation>
    </message>
    <message>
        <source>A OneRoster CSV bundle, as a zip or a folder, or one OneRoster XML file</source>
        <translation>حزمة CSV من OneRoster، بصيغة zip أو مجلد، أو ملف XML واحد من OneRoster</translation>
    </message>
    <message>
        <source>One CSV or XML file, read with the product&apos;s file specifications</source>
        <translation>ملف CSV أو XML واحد، يُقرأ وفق مواصفات الملفات الخاصة بالمنتج</translation>
    </message>
    <message>
        <source>Current Year</source>
        <translation>السنة الحالية</translation>
    </message>
</context>
<context>
    <name>hubdesk::IntegrationActivityPage</name>
    <message>
        <source>Back to Integrations</source>
        <translation>العودة إلى عمليات التكامل</translation>
    </message>
    <message>
        <source>Open in Runbook</source>
        <translation>فتح في سجل التشغيل</translation>
    </message>
    <message>
        <source>Run duration chart</source>
        <translation>مخطط مدة التشغيلات</translation>
    </message>
    <message>
        <source>Runs per day chart</source>
        <translation>مخطط التشغيلات في اليوم</translation>
    </message>
    <message>
        <source>Last runs</source>
        <translation>آخر التشغيلات</translation>
    </message>
    <message>
        <source>Last Runs</source>
        <translation>آخر التشغيلات</translation>
    </message>
    <message>
        <source>Integration Activity</source>
        <translation>نشاط التكامل</translation>
    </message>
    <message>
        <source>Cannot load the activity: %1</source>
        <translation>تعذّر تحميل النشاط: %1</translation>
    </message>
    <message>
        <source>Integration Activity: %1</source>
        <translation>نشاط التكامل: %1</translation>
    </message>
    <message>
        <source>Last %1 days: %2 succeeded, %3 failed.</source>
        <translation>آخر %1 يومًا: نجح %2، وفشل %3.</translation>
    </message>
    <message>
        <source>Median duration %1. Runs over %2 times the median: %3.</source>
        <extracomment>%1 is a duration as HH:MM:SS, %2 the factor such as 3, %3 a number of runs.</extracomment>
        <translation>المدة الوسيطة %1. التشغيلات التي تجاوزت %2 أضعاف الوسيط: %3.</translation>
    </message>
    <message>
        <source>The median duration needs at least 3 successful runs.</source>
        <translation>تتطلب المدة الوسيطة 3 تشغيلات ناجحة على الأقل.</translation>
    </message>
    <message>
        <source>Cannot load the last runs: %1</source>
        <translation>تعذّر تحميل آخر التشغيلات: %1</translation>
    </message>
    <message>
        <source>Next scheduled run: unknown (%1)</source>
        <translation>التشغيل المجدول التالي: غير معروف (%1)</translation>
    </message>
    <message>
        <source>Next scheduled run: none</source>
        <translation>التشغيل المجدول التالي: لا يوجد</translation>
    </message>
    <message>
        <source>Next scheduled run: none. %1</source>
        <translation>التشغيل المجدول التالي: لا يوجد. %1</translation>
    </message>
    <message>
        <source>Next scheduled run: %1</source>
        <translation>التشغيل المجدول التالي: %1</translation>
    </message>
    <message>
        <source>Next scheduled run: %1, held by %2</source>
        <translation>التشغيل المجدول التالي: %1، معلّق بسبب %2</translation>
    </message>
</context>
<context>
    <name>hubdesk::IntegrationsPage</name>
    <message>
        <source>Show all</source>
        <translation>عرض الكل</translation>
    </message>
    <message>
        <source>Add Integration</source>
        <translation>إضافة تكامل</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>تشغيل الآن</translation>
    </message>
    <message>
        <source>Upload File…</source>
        <translation>رفع ملف…</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>الوارد</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>الصادر</translation>
    </message>
    <message>
        <source>API</source>
        <translation>واجهة API</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>%1 integrations</source>
        <translation>تكاملات %1</translation>
    </message>
    <message>
        <source>No %1 integrations to show. Use Add Integration to add one from the catalog.</source>
        <translation>لا توجد تكاملات %1 لعرضها. استخدم إضافة تكامل لإضافة واحد من الكتالوج.</translation>
    </message>
    <message>
        <source>Show inactive integrations too</source>
        <translation>عرض التكاملات غير النشطة أيضًا</translation>
    </message>
    <message>
        <source>Add integration</source>
        <translation>إضافة تكامل</translation>
    </message>
    <message>
        <source>Edit the selected integration</source>
        <translation>تحرير التكامل المحدد</translation>
    </message>
    <message>
        <source>Run the selected integration now</source>
        <translation>تشغيل التكامل المحدد الآن</translation>
    </message>
    <message>
        <source>Upload a file to the selected inbound integration</source>
        <translation>رفع ملف إلى التكامل الوارد المحدد</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>التكاملات</translation>
    </message>
    <message>
        <source>Upload File</source>
        <translation>رفع ملف</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>النشاط</translation>
    </message>
    <message>
        <source>Show the selected integration&apos;s activity, last runs and next run</source>
        <translation>عرض نشاط التكامل المحدد وآخر تشغيلاته وتشغيله التالي</translation>
    </message>
    <message>
        <source>No %1 integrations to show. A district administrator can add one.</source>
        <translation>لا توجد تكاملات %1 لعرضها. يمكن لمسؤول المنطقة التعليمية إضافة واحد.</translation>
    </message>
    <message>
        <source>Cancel Upload</source>
        <translation>إلغاء الرفع</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>تقدم الرفع</translation>
    </message>
    <message>
        <source>Cancel the running upload</source>
        <translation>إلغاء الرفع الجاري</translation>
    </message>
    <message>
        <source>Wait until the upload of %1 ends, or cancel it, before you upload another file.</source>
        <translation>انتظر حتى ينتهي رفع %1، أو ألغه، قبل رفع ملف آخر.</translation>
    </message>
    <message>
        <source>%1 is not an inbound integration. Files can be uploaded to inbound integrations only.</source>
        <translation>%1 ليس تكاملًا واردًا. لا يمكن رفع الملفات إلا إلى التكاملات الواردة.</translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s (attempt %3 of %4).</source>
        <translation>%1 ستُعاد المحاولة بعد %2 ث (المحاولة %3 من %4).</translation>
    </message>
    <message>
        <source>%1: starting</source>
        <translation>%1: جارٍ البدء</translation>
    </message>
    <message>
        <source>Uploading %1 to %2…</source>
        <translation>جارٍ رفع %1 إلى %2…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4%)</source>
        <extracomment>%1 is a file name, %2 and %3 are sizes such as &quot;2.5 MB&quot;, %4 is a percentage.</extracomment>
        <translation>%1: %2 من %3 (%4%)</translation>
    </message>
    <message>
        <source>%1 is Inactive, so it takes no files. Set its status to Active to upload to it.</source>
        <translation>%1 غير نشط، لذا لا يقبل ملفات. اجعل حالته نشط لرفع الملفات إليه.</translation>
    </message>
    <message>
        <source>This integration is Inactive. Set its status to Active to run it or upload files to it.</source>
        <translation>هذا التكامل غير نشط. اجعل حالته نشط لتشغيله أو لرفع الملفات إليه.</translation>
    </message>
    <message>
        <source>Upload Folder…</source>
        <translation>رفع مجلد…</translation>
    </message>
    <message>
        <source>Upload a OneRoster bundle folder to the selected integration</source>
        <translation>رفع مجلد حزمة OneRoster إلى التكامل المحدد</translation>
    </message>
    <message>
        <source>OneRoster bundles (*.zip);;OneRoster XML files (*.xml);;All files (*)</source>
        <translation>حزم OneRoster (*.zip);;ملفات OneRoster بتنسيق XML (*.xml);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>CSV or XML files (*.csv *.xml);;All files (*)</source>
        <translation>ملفات CSV أو XML (*.csv *.xml);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>%1 takes one CSV or XML file, so it cannot take the folder %2. Upload a file from the folder instead.</source>
        <translation>يقبل %1 ملف CSV أو XML واحدًا، لذا لا يمكنه قبول المجلد %2. ارفع ملفًا من المجلد بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the zip of %1: %2</source>
        <translation>تعذّر إنشاء مجلد مؤقت لملف zip الخاص بـ %1: %2</translation>
    </message>
    <message>
        <source>Packing the folder %1 into a zip for %2…</source>
        <translation>جارٍ ضغط المجلد %1 في ملف zip لـ %2…</translation>
    </message>
    <message>
        <source>%1: packing (%2%)</source>
        <extracomment>%1 is a folder name, %2 a percentage of the folder&apos;s bytes.</extracomment>
        <translation>%1: جارٍ الضغط (%2%)</translation>
    </message>
    <message>
        <source>The upload of %1 was cancelled.</source>
        <translation>أُلغي رفع %1.</translation>
    </message>
    <message>
        <source>Only OneRoster bundle integrations take a folder. This integration takes one CSV or XML file.</source>
        <translation>لا تقبل مجلدًا إلا تكاملات حزم OneRoster. يقبل هذا التكامل ملف CSV أو XML واحدًا.</translation>
    </message>
    <message>
        <source>Upload Folder</source>
        <translation>رفع مجلد</translation>
    </message>
    <message>
        <source>Drop one file or folder at a time; each is a run of its own.</source>
        <translation>أفلت ملفًا أو مجلدًا واحدًا في كل مرة؛ فلكل منهما تشغيل خاص به.</translation>
    </message>
    <message>
        <source>Drop the file or folder on an inbound integration to upload it.</source>
        <translation>أفلت الملف أو المجلد على تكامل وارد لرفعه.</translation>
    </message>
</context>
<context>
    <name>hubdesk::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة (&amp;L)</translation>
    </message>
    <message>
        <source>Choose the language of Hubdesk; it applies at the next start</source>
        <translation>اختر لغة Hubdesk؛ تُطبَّق عند التشغيل التالي</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>لغة النظام</translation>
    </message>
</context>
<context>
    <name>hubdesk::MainWindow</name>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Reload every page from the engine (F5)</source>
        <translation>إعادة تحميل كل الصفحات من المحرك (F5)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>الرئيسي</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>الصفحات</translation>
    </message>
    <message>
        <source>Product Catalog</source>
        <translation>كتالوج المنتجات</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>التكاملات</translation>
    </message>
    <message>
        <source>Runbook Activities</source>
        <translation>أنشطة سجل التشغيل</translation>
    </message>
    <message>
        <source>Engine Already Running</source>
        <translation>المحرك قيد التشغيل بالفعل</translation>
    </message>
    <message>
        <source>Local Engine Failed</source>
        <translation>فشل المحرك المحلي</translation>
    </message>
    <message>
        <source>Not connected to an engine</source>
        <translation>غير متصل بمحرك</translation>
    </message>
    <message>
        <source>Connecting to the engine at %1…</source>
        <translation>جارٍ الاتصال بالمحرك في %1…</translation>
    </message>
    <message>
        <source>Connected to the engine at %1</source>
        <translation>متصل بالمحرك في %1</translation>
    </message>
    <message>
        <source>Cannot reach the engine at %1; press F5 to try again</source>
        <translation>تعذّر الوصول إلى المحرك في %1؛ اضغط F5 لإعادة المحاولة</translation>
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
        <translation>المنطقة التعليمية</translation>
    </message>
    <message>
        <source>The district that every page shows and changes</source>
        <translation>المنطقة التعليمية التي تعرضها كل الصفحات وتغيّرها</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <extracomment>The signed-in user&apos;s name and their role in the current district.</extracomment>
        <translation>تم تسجيل الدخول باسم %1 (%2)</translation>
    </message>
    <message>
        <source>Notifications…</source>
        <translation>الإشعارات…</translation>
    </message>
    <message>
        <source>Choose who hears about failed, recovered and unusually long runs</source>
        <translation>اختيار من يُبلَّغ بالتشغيلات الفاشلة والمستعادة والأطول من المعتاد</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Sign-In Not Remembered</source>
        <translation>لم يُحفظ تسجيل الدخول</translation>
    </message>
    <message>
        <source>Back to Product Catalog</source>
        <translation>العودة إلى كتالوج المنتجات</translation>
    </message>
    <message>
        <source>Local Engine Stopped</source>
        <translation>توقف المحرك المحلي</translation>
    </message>
    <message>
        <source>Until the engine runs again, the console cannot show or change the district&apos;s data, and no scheduled run starts. Runs that were in progress are marked failed when it starts, and queued again where the integration allows retries after an engine stop.</source>
        <translation>إلى أن يعمل المحرك من جديد، لا تستطيع وحدة التحكم عرض بيانات المنطقة التعليمية أو تغييرها، ولا يبدأ أي تشغيل مجدول. تُعلَّم عمليات التشغيل التي كانت جارية بأنها فاشلة عند بدء المحرك، وتعود إلى قائمة الانتظار حيث يسمح التكامل بإعادة المحاولة بعد توقف المحرك.</translation>
    </message>
    <message>
        <source>Restart Engine</source>
        <translation>إعادة تشغيل المحرك</translation>
    </message>
    <message>
        <source>The local engine stopped.</source>
        <translation>توقف المحرك المحلي.</translation>
    </message>
</context>
<context>
    <name>hubdesk::NewDestinationDialog</name>
    <message>
        <source>Test Connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>New Destination</source>
        <translation>وجهة جديدة</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>اسم الوجهة</translation>
    </message>
    <message>
        <source>A name that says where the files go</source>
        <translation>اسم يوضح إلى أين تذهب الملفات</translation>
    </message>
    <message>
        <source>Destination kind</source>
        <translation>نوع الوجهة</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>مجلد</translation>
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
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>النوع:</translation>
    </message>
    <message>
        <source>Show advanced settings</source>
        <translation>عرض الإعدادات المتقدمة</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>متقدم</translation>
    </message>
    <message>
        <source>Test Connection result</source>
        <translation>نتيجة اختبار الاتصال</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>Edit Destination</source>
        <translation>تحرير الوجهة</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>A saved destination keeps its kind. To deliver another way, create a new destination.</source>
        <translation>تحتفظ الوجهة المحفوظة بنوعها. للتسليم بطريقة أخرى، أنشئ وجهة جديدة.</translation>
    </message>
    <message>
        <source>%1 Settings</source>
        <translation>إعدادات %1</translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation>إخفاء الإعدادات المتقدمة</translation>
    </message>
    <message>
        <source>Saving the destination…</source>
        <translation>جارٍ حفظ الوجهة…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>جارٍ اختبار الاتصال…</translation>
    </message>
    <message>
        <source>The engine reached the destination.</source>
        <translation>وصل المحرك إلى الوجهة.</translation>
    </message>
    <message>
        <source>The engine could not reach the destination.</source>
        <translation>تعذّر على المحرك الوصول إلى الوجهة.</translation>
    </message>
    <message>
        <source>Connection succeeded</source>
        <translation>نجح الاتصال</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>فشل الاتصال</translation>
    </message>
    <message>
        <source>Deletes the destination that Save and Test saved</source>
        <translation>يحذف الوجهة التي حفظها «حفظ واختبار»</translation>
    </message>
    <message>
        <source>Deleting the destination that Save and Test saved…</source>
        <translation>جارٍ حذف الوجهة التي حفظها «حفظ واختبار»…</translation>
    </message>
    <message>
        <source>Cannot delete &quot;%1&quot;, which Save and Test saved: %2 Close keeps it among the destinations, and Save adds it to this integration.</source>
        <extracomment>%1 is the destination&apos;s name, %2 the engine&apos;s or the network&apos;s error sentence.</extracomment>
        <translation>تعذّر حذف «%1» التي حفظها «حفظ واختبار»: %2 يُبقيها «إغلاق» ضمن الوجهات، ويضيفها «حفظ» إلى هذا التكامل.</translation>
    </message>
    <message>
        <source>Save and Test</source>
        <translation>حفظ واختبار</translation>
    </message>
    <message>
        <source>Save the destination and test the connection</source>
        <translation>حفظ الوجهة واختبار الاتصال</translation>
    </message>
    <message>
        <source>Saves the destination, then asks the engine to connect to it without writing a file. Cancel deletes the new destination again.</source>
        <translation>يحفظ الوجهة، ثم يطلب من المحرك الاتصال بها دون كتابة ملف. يحذف «إلغاء» الوجهة الجديدة مرة أخرى.</translation>
    </message>
    <message>
        <source>Saves the changes, then asks the engine to connect to the destination without writing a file.</source>
        <translation>يحفظ التغييرات، ثم يطلب من المحرك الاتصال بالوجهة دون كتابة ملف.</translation>
    </message>
    <message>
        <source>Asks the engine to connect to the saved destination without writing a file.</source>
        <translation>يطلب من المحرك الاتصال بالوجهة المحفوظة دون كتابة ملف.</translation>
    </message>
</context>
<context>
    <name>hubdesk::NotificationSettingsDialog</name>
    <message>
        <source>A run fails</source>
        <translation>فشل تشغيل</translation>
    </message>
    <message>
        <source>A run succeeds after a failure</source>
        <translation>نجاح تشغيل بعد فشل</translation>
    </message>
    <message>
        <source>A run takes more than 3 times its median duration</source>
        <translation>استغراق تشغيل أكثر من 3 أضعاف مدته الوسيطة</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>كلمة مرور SMTP</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>خطاف الويب</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>مفتاح التوقيع</translation>
    </message>
    <message>
        <source>Email a summary of the previous day&apos;s runs at</source>
        <translation>إرسال ملخص تشغيلات اليوم السابق بالبريد الإلكتروني في الساعة</translation>
    </message>
    <message>
        <source>Send Test</source>
        <translation>إرسال اختبار</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Run Notifications</source>
        <translation>إشعارات التشغيل</translation>
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
        <translation>بلا تشفير (دون بيانات اعتماد)</translation>
    </message>
    <message>
        <source>coordinator@district.org, data-team@district.org</source>
        <translation>coordinator@district.org, data-team@district.org</translation>
    </message>
    <message>
        <source>Notify When</source>
        <translation>الإشعار عند</translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation>المستلمون (&amp;R):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>المرسل (&amp;F):</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>خادم SMTP (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>المنفذ (&amp;P):</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>الأمان (&amp;C):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>اسم المستخدم (&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>كلمة المرور (&amp;W):</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>عنوان URL (&amp;U):</translation>
    </message>
    <message>
        <source>Signing &amp;key:</source>
        <translation>مفتاح التوقيع (&amp;K):</translation>
    </message>
    <message>
        <source>Cannot load the notification settings: %1</source>
        <translation>تعذّر تحميل إعدادات الإشعارات: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <source>Correct the marked fields and save again.</source>
        <translation>صحّح الحقول المعلَّمة ثم احفظ مرة أخرى.</translation>
    </message>
    <message>
        <source>Cannot save the notification settings: %1</source>
        <translation>تعذّر حفظ إعدادات الإشعارات: %1</translation>
    </message>
    <message>
        <source>Sending a test through the saved settings…</source>
        <translation>جارٍ إرسال اختبار عبر الإعدادات المحفوظة…</translation>
    </message>
    <message>
        <source>Cannot send a test: %1</source>
        <translation>تعذّر إرسال اختبار: %1</translation>
    </message>
    <message>
        <source>The test is still being sent; see the notification list later.</source>
        <translation>لا يزال الاختبار قيد الإرسال؛ راجع قائمة الإشعارات لاحقًا.</translation>
    </message>
    <message>
        <source>Test email</source>
        <translation>بريد الاختبار</translation>
    </message>
    <message>
        <source>Test webhook</source>
        <translation>خطاف ويب الاختبار</translation>
    </message>
    <message>
        <source>%1 sent.</source>
        <translation>أُرسل %1.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>فشل %1: %2</translation>
    </message>
    <message>
        <source>Time zone of the district: %1</source>
        <translation>المنطقة الزمنية للمنطقة التعليمية: %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::OccurrenceModel</name>
    <message>
        <source>A daylight-saving change moves this run off its usual time.</source>
        <translation>يُزيح تغيير التوقيت الصيفي هذا التشغيل عن موعده المعتاد.</translation>
    </message>
</context>
<context>
    <name>hubdesk::OneRosterPage</name>
    <message>
        <source>Read orgs, schools, sessions, courses, classes, users and enrollments</source>
        <translation>قراءة المؤسسات والمدارس والفترات والمقررات والفصول والمستخدمين والتسجيلات</translation>
    </message>
    <message>
        <source>Read all rostering data, with relationships such as a class&apos;s students and demographics</source>
        <translation>قراءة كل بيانات القوائم، مع العلاقات مثل طلاب الفصل والبيانات الديموغرافية</translation>
    </message>
    <message>
        <source>Read demographics only</source>
        <translation>قراءة البيانات الديموغرافية فقط</translation>
    </message>
    <message>
        <source>Read categories, line items, results and score scales (OneRoster 1.2)</source>
        <translation>قراءة الفئات وبنود التقييم والنتائج وسلالم الدرجات (OneRoster 1.2)</translation>
    </message>
    <message>
        <source>Read the gradebook</source>
        <translation>قراءة سجل الدرجات</translation>
    </message>
    <message>
        <source>Create and update gradebook records</source>
        <translation>إنشاء سجلات الدرجات وتحديثها</translation>
    </message>
    <message>
        <source>Delete gradebook records</source>
        <translation>حذف سجلات الدرجات</translation>
    </message>
    <message>
        <source>Read learning resources</source>
        <translation>قراءة موارد التعلّم</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>New Application</source>
        <translation>تطبيق جديد</translation>
    </message>
    <message>
        <source>Reset Secret</source>
        <translation>إعادة تعيين السر</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Client Credentials</source>
        <translation>بيانات اعتماد العميل</translation>
    </message>
    <message>
        <source>OneRoster applications</source>
        <translation>تطبيقات OneRoster</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>المورّد</translation>
    </message>
    <message>
        <source>School Year</source>
        <translation>العام الدراسي</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>النطاقات</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>Every school year</source>
        <translation>كل الأعوام الدراسية</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الاسم (&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>المورّد (&amp;V):</translation>
    </message>
    <message>
        <source>School &amp;year:</source>
        <translation>العام الدراسي (&amp;Y):</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A scope&apos;s short name and what it allows.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No scope is chosen, so no data will transfer to this application. roster-core.readonly covers what most vendors need.</source>
        <translation>لم يُختر أي نطاق، لذلك لن تنتقل أي بيانات إلى هذا التطبيق. يغطي roster-core.readonly ما يحتاجه معظم المورّدين.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>نُسخ إلى الحافظة.</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>معرّف العميل:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>سر العميل:</translation>
    </message>
    <message>
        <source>Give the Vendor</source>
        <translation>أعطِ المورّد</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>عنوان الرمز المميز:</translation>
    </message>
    <message>
        <source>OneRoster 1.1:</source>
        <translation>OneRoster 1.1:</translation>
    </message>
    <message>
        <source>Cannot load the OneRoster applications: %1</source>
        <translation>تعذّر تحميل تطبيقات OneRoster: %1</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>كل الأعوام</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غير نشط</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <source>Save Changes</source>
        <translation>حفظ التغييرات</translation>
    </message>
    <message>
        <source>Cannot save the application: %1</source>
        <translation>تعذّر حفظ التطبيق: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>حُفظ %1.</translation>
    </message>
    <message>
        <source>Cannot reset the secret: %1</source>
        <translation>تعذّرت إعادة تعيين السر: %1</translation>
    </message>
    <message>
        <source>Issued a new secret. The old one and its tokens no longer work.</source>
        <translation>صدر سر جديد. لم يعد السر القديم ورموزه المميزة تعمل.</translation>
    </message>
    <message>
        <source>Cannot delete the application: %1</source>
        <translation>تعذّر حذف التطبيق: %1</translation>
    </message>
    <message>
        <source>Deleted the application; its tokens no longer work.</source>
        <translation>حُذف التطبيق؛ لم تعد رموزه المميزة تعمل.</translation>
    </message>
    <message>
        <source>OneRoster requests per hour</source>
        <translation>طلبات OneRoster في الساعة</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>الساعة</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>التطبيق</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>الطلبات</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>الأخطاء</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>البيانات</translation>
    </message>
    <message>
        <source>Requests in the Last 24 Hours</source>
        <translation>الطلبات في آخر 24 ساعة</translation>
    </message>
    <message>
        <source>Cannot load the OneRoster activity: %1</source>
        <translation>تعذّر تحميل نشاط OneRoster: %1</translation>
    </message>
    <message>
        <source>No application has called the OneRoster API in the last 24 hours.</source>
        <translation>لم يستدعِ أي تطبيق واجهة OneRoster البرمجية في آخر 24 ساعة.</translation>
    </message>
    <message>
        <source>Your role can see the applications and copy what a vendor needs. A district administrator registers, changes and deletes them.</source>
        <translation>يتيح لك دورك عرض التطبيقات ونسخ ما يحتاجه المورّد. يسجّلها مسؤول المنطقة التعليمية ويغيّرها ويحذفها.</translation>
    </message>
    <message>
        <source>OneRoster 1.2 rostering:</source>
        <translation>OneRoster 1.2، القوائم:</translation>
    </message>
    <message>
        <source>OneRoster 1.2 gradebook:</source>
        <translation>OneRoster 1.2، سجل الدرجات:</translation>
    </message>
    <message>
        <source>OneRoster 1.2 resources:</source>
        <translation>OneRoster 1.2، الموارد:</translation>
    </message>
    <message>
        <source>Application name</source>
        <translation>اسم التطبيق</translation>
    </message>
    <message>
        <source>Copy the secret now. It will not be shown again, and it disappears when you refresh the list or select another application. Reset Secret issues a new one.</source>
        <translation>انسخ السر الآن. لن يُعرض مرة أخرى، ويختفي عند تحديث القائمة أو اختيار تطبيق آخر. تُصدر إعادة تعيين السر سرًا جديدًا.</translation>
    </message>
    <message>
        <source>Copy the token URL</source>
        <translation>نسخ عنوان الرمز المميز</translation>
    </message>
    <message>
        <source>Copy the OneRoster 1.1 base URL</source>
        <translation>نسخ العنوان الأساسي لـ OneRoster 1.1</translation>
    </message>
    <message>
        <source>Copy the OneRoster 1.2 rostering base URL</source>
        <translation>نسخ العنوان الأساسي للقوائم في OneRoster 1.2</translation>
    </message>
    <message>
        <source>Copy the OneRoster 1.2 gradebook base URL</source>
        <translation>نسخ العنوان الأساسي لسجل الدرجات في OneRoster 1.2</translation>
    </message>
    <message>
        <source>Copy the OneRoster 1.2 resources base URL</source>
        <translation>نسخ العنوان الأساسي للموارد في OneRoster 1.2</translation>
    </message>
    <message>
        <source>Registered %1. Give the vendor the client ID, the secret and the URLs above.</source>
        <translation>سُجّل %1. أعطِ المورّد معرّف العميل والسر والعناوين أعلاه.</translation>
    </message>
</context>
<context>
    <name>hubdesk::OutboundIntegrationForm</name>
    <message>
        <source>Manage Outbound Integration</source>
        <translation>إدارة التكامل الصادر</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>المُخرَج</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>السنة</translation>
    </message>
    <message>
        <source>System notes</source>
        <translation>ملاحظات النظام</translation>
    </message>
    <message>
        <source>Query timeout</source>
        <translation>مهلة الاستعلام</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>التنسيق</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>الفاصل</translation>
    </message>
    <message>
        <source>Quoting</source>
        <translation>علامات الاقتباس</translation>
    </message>
    <message>
        <source>Line ending</source>
        <translation>نهاية السطر</translation>
    </message>
    <message>
        <source>Write the column names as the first row</source>
        <translation>كتابة أسماء الأعمدة في الصف الأول</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>صف العناوين</translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte-order mark, so that spreadsheets detect the encoding</source>
        <translation>البدء بعلامة ترتيب البايتات UTF-8، لتتعرف جداول البيانات على الترميز</translation>
    </message>
    <message>
        <source>Byte-order mark</source>
        <translation>علامة ترتيب البايتات</translation>
    </message>
    <message>
        <source>Put an apostrophe before text that starts with =, +, -, @, tab or CR, so that spreadsheets do not run it as a formula</source>
        <translation>وضع فاصلة عليا قبل النص الذي يبدأ بـ = أو + أو - أو @ أو علامة جدولة أو CR، كي لا تنفّذه جداول البيانات كصيغة</translation>
    </message>
    <message>
        <source>Formula protection</source>
        <translation>الحماية من الصيغ</translation>
    </message>
    <message>
        <source>New Destination…</source>
        <translation>وجهة جديدة…</translation>
    </message>
    <message>
        <source>New destination</source>
        <translation>وجهة جديدة</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>معاينة…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>الجدولة</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> ثانية</translation>
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
        <translation>نشط</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غير نشط</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>System type:</source>
        <translation>نوع النظام:</translation>
    </message>
    <message>
        <source>Vendor:</source>
        <translation>المورّد:</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>النظام:</translation>
    </message>
    <message>
        <source>Output type:</source>
        <translation>نوع المُخرَج:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>المُخرَج:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>السنة:</translation>
    </message>
    <message>
        <source>System notes:</source>
        <translation>ملاحظات النظام:</translation>
    </message>
    <message>
        <source>Query timeout:</source>
        <translation>مهلة الاستعلام:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>التنسيق:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>فاصلة (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>فاصلة منقوطة (;)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>علامة جدولة</translation>
    </message>
    <message>
        <source>Pipe (|)</source>
        <translation>شريط عمودي (|)</translation>
    </message>
    <message>
        <source>Only where needed</source>
        <translation>عند الحاجة فقط</translation>
    </message>
    <message>
        <source>Every field</source>
        <translation>كل الحقول</translation>
    </message>
    <message>
        <source>CRLF (Windows)</source>
        <translation>CRLF (ويندوز)</translation>
    </message>
    <message>
        <source>LF (Linux, macOS)</source>
        <translation>LF (لينكس، macOS)</translation>
    </message>
    <message>
        <source>CSV File</source>
        <translation>ملف CSV</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>الفاصل:</translation>
    </message>
    <message>
        <source>Quoting:</source>
        <translation>علامات الاقتباس:</translation>
    </message>
    <message>
        <source>Line ending:</source>
        <translation>نهاية السطر:</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>العناوين:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>الترميز:</translation>
    </message>
    <message>
        <source>Formulas:</source>
        <translation>الصيغ:</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>الوجهات</translation>
    </message>
    <message>
        <source>Current Year</source>
        <translation>السنة الحالية</translation>
    </message>
    <message>
        <source>Manage Outbound Integration: %1</source>
        <translation>إدارة التكامل الصادر: %1</translation>
    </message>
    <message>
        <source>Retries after an engine stop:</source>
        <translation>إعادة المحاولة بعد توقف المحرك:</translation>
    </message>
    <message>
        <source>When the report has no rows</source>
        <translation>عندما لا يحتوي التقرير على صفوف</translation>
    </message>
    <message>
        <source>Send the file with only the column names</source>
        <translation>إرسال الملف بأسماء الأعمدة فقط</translation>
    </message>
    <message>
        <source>Send nothing and end the run with a warning</source>
        <translation>عدم إرسال أي شيء وإنهاء التشغيل بتحذير</translation>
    </message>
    <message>
        <source>Send nothing and mark the run as failed</source>
        <translation>عدم إرسال أي شيء ووضع علامة فشل على التشغيل</translation>
    </message>
    <message>
        <source>Some state systems read a file without rows as an order to remove every record they hold for the district. A failed run sends the failure notification.</source>
        <translation>تقرأ بعض أنظمة الولاية الملف الذي لا يحتوي على صفوف كأمر بحذف كل السجلات التي تحتفظ بها للمنطقة التعليمية. يرسل التشغيل الفاشل إشعار الفشل.</translation>
    </message>
    <message>
        <source>When the report has no rows:</source>
        <translation>عندما لا يحتوي التقرير على صفوف:</translation>
    </message>
</context>
<context>
    <name>hubdesk::PreviewDialog</name>
    <message>
        <source>Preview Output</source>
        <translation>معاينة المُخرَج</translation>
    </message>
    <message numerus="yes">
        <source>%n rows in total for %1</source>
        <translation>
            <numerusform>لا صفوف لـ %1</numerusform>
            <numerusform>صف واحد إجمالًا لـ %1</numerusform>
            <numerusform>صفان إجمالًا لـ %1</numerusform>
            <numerusform>%n صفوف إجمالًا لـ %1</numerusform>
            <numerusform>%n صفًا إجمالًا لـ %1</numerusform>
            <numerusform>%n صف إجمالًا لـ %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(the first %n are shown).</source>
        <translation>
            <numerusform>(لا يُعرض أي صف).</numerusform>
            <numerusform>(يُعرض الأول).</numerusform>
            <numerusform>(يُعرض الصفان الأولان).</numerusform>
            <numerusform>(تُعرض أول %n صفوف).</numerusform>
            <numerusform>(يُعرض أول %n صفًا).</numerusform>
            <numerusform>(يُعرض أول %n صف).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubdesk::ProductModel</name>
    <message>
        <source>Outbound</source>
        <translation>الصادر</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>الوارد</translation>
    </message>
    <message>
        <source>API</source>
        <translation>واجهة API</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>Integration Type</source>
        <translation>نوع التكامل</translation>
    </message>
    <message>
        <source>System Type</source>
        <translation>نوع النظام</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>المورّد</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>المُخرَجات</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunFilesButton</name>
    <message>
        <source>Download</source>
        <translation>تنزيل</translation>
    </message>
    <message>
        <source>Download a file of the selected run</source>
        <translation>تنزيل ملف من التشغيل المحدد</translation>
    </message>
    <message>
        <source>Download the selected run&apos;s output file or validation report</source>
        <translation>تنزيل ملف الإخراج أو تقرير التحقق للتشغيل المحدد</translation>
    </message>
    <message>
        <source>Cannot list the files: %1</source>
        <translation>تعذّر سرد الملفات: %1</translation>
    </message>
    <message>
        <source>This run left no files</source>
        <translation>لم يترك هذا التشغيل أي ملفات</translation>
    </message>
    <message>
        <source>validation report</source>
        <translation>تقرير التحقق</translation>
    </message>
    <message>
        <source>uploaded file</source>
        <translation>الملف المرفوع</translation>
    </message>
    <message>
        <source>output file</source>
        <translation>ملف الإخراج</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <extracomment>A file name, what the file is and its size, such as &quot;MiLEARN.csv (output file, 12 KB)&quot;.</extracomment>
        <translation>%1 (%2، %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Save Run File</source>
        <translation>حفظ ملف التشغيل</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>تعذّر حفظ %1: %2</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunFilterBar</name>
    <message>
        <source>Date ran&amp;ge</source>
        <translation>نطاق التاريخ (&amp;G)</translation>
    </message>
    <message>
        <source>Show runs up to this date</source>
        <translation>عرض التشغيلات حتى هذا التاريخ</translation>
    </message>
    <message>
        <source>Show the runs of this date</source>
        <translation>عرض تشغيلات هذا التاريخ</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>Integration type</source>
        <translation>نوع التكامل</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>حالة التشغيل</translation>
    </message>
    <message>
        <source>Run trigger</source>
        <translation>مُشغِّل التشغيل</translation>
    </message>
    <message>
        <source>Show runs in a date range</source>
        <translation>عرض التشغيلات في نطاق تاريخ</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>التاريخ (&amp;D):</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>إلى (&amp;O):</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>الصادر</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>الوارد</translation>
    </message>
    <message>
        <source>API</source>
        <translation>واجهة API</translation>
    </message>
    <message>
        <source>OneRoster</source>
        <translation>OneRoster</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>نجح</translation>
    </message>
    <message>
        <source>Succeeded with warnings</source>
        <translation>نجح مع تحذيرات</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>قيد التشغيل</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <extracomment>A status filter: failed, cancelled and succeeded-with-warnings runs together.</extracomment>
        <translation>يحتاج إلى انتباه</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>الجدولة</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>يدوي</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>تعويضي</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>الحالة (&amp;S):</translation>
    </message>
    <message>
        <source>T&amp;rigger:</source>
        <translation>المُشغِّل (&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>التكامل (&amp;I):</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>النوع (&amp;Y):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>من (&amp;F):</translation>
    </message>
    <message>
        <source>Show runs from this date</source>
        <translation>عرض التشغيلات من هذا التاريخ</translation>
    </message>
    <message>
        <source>Integration %1</source>
        <translation>التكامل %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunLogView</name>
    <message>
        <source>Select a run to see its log.</source>
        <translation>حدد تشغيلًا لعرض سجله.</translation>
    </message>
    <message>
        <source>Copy Log</source>
        <translation>نسخ السجل</translation>
    </message>
    <message>
        <source>Save Log...</source>
        <translation>حفظ السجل...</translation>
    </message>
    <message>
        <source>Run log</source>
        <translation>سجل التشغيل</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Copy the log to the clipboard</source>
        <translation>نسخ السجل إلى الحافظة</translation>
    </message>
    <message>
        <source>Save the log to a text file</source>
        <translation>حفظ السجل في ملف نصي</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت كتابة %1: %2</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>حفظ السجل</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>ملفات نصية (*.txt)</translation>
    </message>
    <message>
        <source>Saved the log to %1.</source>
        <translation>حُفظ السجل في %1.</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunWatcher</name>
    <message>
        <source>Run %1 is held for approval.</source>
        <translation>التشغيل %1 بانتظار الموافقة.</translation>
    </message>
    <message>
        <source>Run %1 is queued.</source>
        <translation>التشغيل %1 في قائمة الانتظار.</translation>
    </message>
    <message>
        <source>Run %1 is running.</source>
        <translation>التشغيل %1 قيد التنفيذ.</translation>
    </message>
    <message>
        <source>Run %1 ended: %2.</source>
        <translation>انتهى التشغيل %1: %2.</translation>
    </message>
    <message>
        <source>Run %1 was already queued, so no other run was added.</source>
        <translation>التشغيل %1 كان في قائمة الانتظار من قبل، لذلك لم تُضَف عملية تشغيل أخرى.</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunbookModel</name>
    <message>
        <source>Rows read: %1, written: %2, rejected: %3; bytes: %4</source>
        <translation>الصفوف المقروءة: %1، المكتوبة: %2، المرفوضة: %3؛ البايتات: %4</translation>
    </message>
    <message>
        <source>Retry of Integration Instance Id %1</source>
        <translation>إعادة محاولة لمعرّف مثيل التكامل %1</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>نجح</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>قيد التشغيل</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Succeeded with warnings</source>
        <translation>نجح مع تحذيرات</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Unknown status</source>
        <translation>حالة غير معروفة</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A run status: the numeric code, then its word, such as &quot;0 Succeeded&quot;.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Integration Instance Id %1</source>
        <translation>معرّف مثيل التكامل %1</translation>
    </message>
    <message>
        <source>Integration Instance Id %1 - %2</source>
        <translation>معرّف مثيل التكامل %1 - %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A running run&apos;s name, then the phase it is in, such as &quot;... (Query)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Phase Name</source>
        <translation>اسم المرحلة</translation>
    </message>
    <message>
        <source>Start Time</source>
        <translation>وقت البدء</translation>
    </message>
    <message>
        <source>End Time</source>
        <translation>وقت الانتهاء</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Status code and word: 0 Succeeded, 1 Running, 2 Queued, 3 Cancelled, 8 Succeeded with warnings, 9 Failed</source>
        <translation>رمز الحالة وكلمتها: 0 نجح، 1 قيد التشغيل، 2 في قائمة الانتظار، 3 أُلغي، 8 نجح مع تحذيرات، 9 فشل</translation>
    </message>
    <message>
        <source>When the run or phase started, in the district&apos;s time zone</source>
        <translation>وقت بدء التشغيل أو المرحلة، بالمنطقة الزمنية للمنطقة التعليمية</translation>
    </message>
    <message>
        <source>When the run or phase ended, in the district&apos;s time zone</source>
        <translation>وقت انتهاء التشغيل أو المرحلة، بالمنطقة الزمنية للمنطقة التعليمية</translation>
    </message>
    <message>
        <source>How long the run or phase took, as hours, minutes and seconds</source>
        <translation>مدة التشغيل أو المرحلة، بالساعات والدقائق والثواني</translation>
    </message>
    <message>
        <source>Held for approval</source>
        <translation>بانتظار الموافقة</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>طلب واحد</translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln طلب</numerusform>
            <numerusform>طلب واحد</numerusform>
            <numerusform>طلبان</numerusform>
            <numerusform>%Ln طلبات</numerusform>
            <numerusform>%Ln طلبًا</numerusform>
            <numerusform>%Ln طلب</numerusform>
        </translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>صفحة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln صفحة</numerusform>
            <numerusform>صفحة واحدة</numerusform>
            <numerusform>صفحتان</numerusform>
            <numerusform>%Ln صفحات</numerusform>
            <numerusform>%Ln صفحة</numerusform>
            <numerusform>%Ln صفحة</numerusform>
        </translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>سجل واحد</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>%Ln سجل</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%Ln سجلات</numerusform>
            <numerusform>%Ln سجلًا</numerusform>
            <numerusform>%Ln سجل</numerusform>
        </translation>
    </message>
    <message>
        <source>1 retry</source>
        <translation>إعادة محاولة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%Ln retries</source>
        <translation>
            <numerusform>%Ln إعادة محاولة</numerusform>
            <numerusform>إعادة محاولة واحدة</numerusform>
            <numerusform>إعادتا محاولة</numerusform>
            <numerusform>%Ln إعادات محاولة</numerusform>
            <numerusform>%Ln إعادة محاولة</numerusform>
            <numerusform>%Ln إعادة محاولة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3, %4</source>
        <extracomment>The counts of an API phase: requests, pages, records, retries.</extracomment>
        <translation>%1، %2، %3، %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A phase, then its counts, such as &quot;Format: 150 rows read, 35.75 KiB&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>صف واحد</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln صف</numerusform>
            <numerusform>صف واحد</numerusform>
            <numerusform>صفان</numerusform>
            <numerusform>%Ln صفوف</numerusform>
            <numerusform>%Ln صفًا</numerusform>
            <numerusform>%Ln صف</numerusform>
        </translation>
    </message>
    <message>
        <source>1 row read</source>
        <translation>صف واحد مقروء</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows read</source>
        <translation>
            <numerusform>%Ln صف مقروء</numerusform>
            <numerusform>صف واحد مقروء</numerusform>
            <numerusform>صفان مقروءان</numerusform>
            <numerusform>%Ln صفوف مقروءة</numerusform>
            <numerusform>%Ln صفًا مقروءًا</numerusform>
            <numerusform>%Ln صف مقروء</numerusform>
        </translation>
    </message>
    <message>
        <source>1 row written</source>
        <translation>صف واحد مكتوب</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows written</source>
        <translation>
            <numerusform>%Ln صف مكتوب</numerusform>
            <numerusform>صف واحد مكتوب</numerusform>
            <numerusform>صفان مكتوبان</numerusform>
            <numerusform>%Ln صفوف مكتوبة</numerusform>
            <numerusform>%Ln صفًا مكتوبًا</numerusform>
            <numerusform>%Ln صف مكتوب</numerusform>
        </translation>
    </message>
    <message>
        <source>1 row rejected</source>
        <translation>صف واحد مرفوض</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows rejected</source>
        <translation>
            <numerusform>%Ln صف مرفوض</numerusform>
            <numerusform>صف واحد مرفوض</numerusform>
            <numerusform>صفان مرفوضان</numerusform>
            <numerusform>%Ln صفوف مرفوضة</numerusform>
            <numerusform>%Ln صفًا مرفوضًا</numerusform>
            <numerusform>%Ln صف مرفوض</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Joins the counts of a phase, such as &quot;150 rows read, 35.75 KiB&quot;.</extracomment>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>الجدولة</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>يدوي</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>تعويضي</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Integration Instance Id and integration of a run, or the name of a phase with its rows and bytes</source>
        <translation>معرّف مثيل التكامل وتكامل التشغيل، أو اسم المرحلة مع صفوفها وبايتاتها</translation>
    </message>
    <message>
        <source>What started the run: its schedule, a user, a catch-up after the engine was down, or a retry</source>
        <translation>ما الذي بدأ التشغيل: جدولته، أو مستخدم، أو تشغيل تعويضي بعد توقف المحرك، أو إعادة محاولة</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>المُشغِّل</translation>
    </message>
</context>
<context>
    <name>hubdesk::RunbookPage</name>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>إلغاء التشغيل</translation>
    </message>
    <message>
        <source>Cancel the selected run</source>
        <translation>إلغاء التشغيل المحدد</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Retry the selected failed or cancelled run</source>
        <translation>إعادة محاولة التشغيل المحدد الفاشل أو الملغى</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>تشغيل الآن</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s integration now</source>
        <translation>تشغيل تكامل التشغيل المحدد الآن</translation>
    </message>
    <message>
        <source>Search runs with these filters</source>
        <translation>البحث عن التشغيلات بهذه المرشحات</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>التشغيلات</translation>
    </message>
    <message>
        <source>Runbook Activities</source>
        <translation>أنشطة سجل التشغيل</translation>
    </message>
    <message>
        <source>Run %1 is running. It stops at the next safe point, and the phases it has finished stay as they are. Cancel it?</source>
        <translation>التشغيل %1 قيد التنفيذ. سيتوقف عند النقطة الآمنة التالية، وتبقى المراحل المنتهية كما هي. هل تريد إلغاءه؟</translation>
    </message>
    <message>
        <source>Run %1 is queued as a retry of run %2.</source>
        <translation>التشغيل %1 في قائمة الانتظار كإعادة محاولة للتشغيل %2.</translation>
    </message>
    <message>
        <source>Run %1 stops at the next safe point.</source>
        <translation>سيتوقف التشغيل %1 عند النقطة الآمنة التالية.</translation>
    </message>
    <message>
        <source>Run %1 is cancelled.</source>
        <translation>أُلغي التشغيل %1.</translation>
    </message>
    <message>
        <source>Log of Integration Instance Id %1, phase %2</source>
        <translation>سجل معرّف مثيل التكامل %1، المرحلة %2</translation>
    </message>
    <message>
        <source>Log of Integration Instance Id %1</source>
        <translation>سجل معرّف مثيل التكامل %1</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <source>Approve the selected load held for approval</source>
        <translation>الموافقة على التحميل المحدد المنتظر للموافقة</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Reject the selected load held for approval</source>
        <translation>رفض التحميل المحدد المنتظر للموافقة</translation>
    </message>
    <message>
        <source>No runs match these filters. Choose another date or clear a filter, then press Search.</source>
        <translation>لا توجد عمليات تشغيل تطابق عوامل التصفية هذه. اختر تاريخًا آخر أو أزل عامل تصفية، ثم اضغط بحث.</translation>
    </message>
    <message>
        <source>Approve Load</source>
        <translation>الموافقة على التحميل</translation>
    </message>
    <message>
        <source>Approve run %1? The file is validated again and loaded, and stored records that it leaves out are marked to be deleted (tobedeleted).

%2</source>
        <translation>هل توافق على التشغيل %1؟ يُتحقق من الملف مرة أخرى ثم يُحمَّل، وتُعلَّم السجلات المخزنة التي لا يتضمنها للحذف (tobedeleted).

%2</translation>
    </message>
    <message>
        <source>Reject Load</source>
        <translation>رفض التحميل</translation>
    </message>
    <message>
        <source>Reject run %1? Nothing is loaded, no record is marked tobedeleted, and the run ends as cancelled.</source>
        <translation>هل ترفض التشغيل %1؟ لن يُحمَّل أي شيء، ولن يُعلَّم أي سجل بالحالة tobedeleted، وينتهي التشغيل ملغى.</translation>
    </message>
    <message>
        <source>Run %1 is approved and waits for a worker to load it.</source>
        <translation>تمت الموافقة على التشغيل %1، وهو ينتظر عاملًا لتحميله.</translation>
    </message>
    <message>
        <source>Run %1 is rejected; nothing was loaded.</source>
        <translation>رُفض التشغيل %1؛ لم يُحمَّل أي شيء.</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <extracomment>A held run&apos;s id, then the engine&apos;s reason, which begins &quot;Held for approval:&quot;.</extracomment>
        <translation>التشغيل %1: %2</translation>
    </message>
    <message>
        <source>Validation Report…</source>
        <translation>تقرير التحقق…</translation>
    </message>
    <message>
        <source>Show the validation report of the selected inbound run</source>
        <translation>عرض تقرير التحقق للتشغيل الوارد المحدد</translation>
    </message>
    <message>
        <source>See the &lt;a href=&quot;#validation&quot;&gt;Validation Report&lt;/a&gt;.</source>
        <extracomment>Follows &quot;Run 12 ended: 9 Failed.&quot;; the link opens the run&apos;s validation report.</extracomment>
        <translation>راجع &lt;a href=&quot;#validation&quot;&gt;تقرير التحقق&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Inbound integrations run when a file is uploaded to them. Use Upload File… on the Integrations page.</source>
        <translation>تعمل التكاملات الواردة عند رفع ملف إليها. استخدم «رفع ملف…» في صفحة التكاملات.</translation>
    </message>
</context>
<context>
    <name>hubdesk::ScheduleEditor</name>
    <message>
        <source>Run at next available cycle</source>
        <translation>التشغيل في الدورة المتاحة التالية</translation>
    </message>
    <message>
        <source>Schedule type</source>
        <translation>نوع الجدولة</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>تاريخ البدء</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>وقت البدء</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>التكرار كل</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>On a day of the month</source>
        <translation>في يوم من الشهر</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>يوم الشهر</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>آخر يوم</translation>
    </message>
    <message>
        <source>On the last day of the month</source>
        <translation>في آخر يوم من الشهر</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>متقدم</translation>
    </message>
    <message>
        <source>Advanced repetition</source>
        <translation>التكرار المتقدم</translation>
    </message>
    <message>
        <source>Repeat task every, in minutes</source>
        <translation>تكرار المهمة كل، بالدقائق</translation>
    </message>
    <message>
        <source>For a duration of, in minutes</source>
        <translation>لمدة، بالدقائق</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <source>Use an end date</source>
        <translation>استخدام تاريخ انتهاء</translation>
    </message>
    <message>
        <source>Skip catch-up after downtime</source>
        <translation>تخطي التشغيل التعويضي بعد التوقف</translation>
    </message>
    <message>
        <source>Schedule status</source>
        <translation>حالة الجدولة</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>مرة واحدة</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>كل ساعة</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>يوميًا</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>أسبوعيًا</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>شهريًا</translation>
    </message>
    <message>
        <source>Drop the runs missed while the engine was stopped, instead of making one catch-up run when it starts again.</source>
        <translation>إسقاط التشغيلات الفائتة أثناء توقف المحرك، بدلًا من إجراء تشغيل تعويضي واحد عند بدء تشغيله مجددًا.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غير نشط</translation>
    </message>
    <message>
        <source>Schedule type:</source>
        <translation>نوع الجدولة:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>تاريخ البدء:</translation>
    </message>
    <message>
        <source>Start time:</source>
        <translation>وقت البدء:</translation>
    </message>
    <message>
        <source>Repeat every:</source>
        <translation>التكرار كل:</translation>
    </message>
    <message>
        <source>On days:</source>
        <translation>في الأيام:</translation>
    </message>
    <message>
        <source>On day:</source>
        <translation>في اليوم:</translation>
    </message>
    <message>
        <source>Schedule status:</source>
        <translation>حالة الجدولة:</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>التشغيلات التالية:</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>Check boxes for the days of a weekly schedule, Monday first.</extracomment>
        <translation>الاثنين</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>الثلاثاء</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>الأربعاء</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>الخميس</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>الجمعة</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>السبت</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>الأحد</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>الاثنين</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>الثلاثاء</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>الأربعاء</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>الخميس</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>الجمعة</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>السبت</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>الأحد</translation>
    </message>
    <message>
        <source>Runs on the 31st, 30th, 29th or 28th, by month.</source>
        <translation>يعمل في اليوم 31 أو 30 أو 29 أو 28، حسب الشهر.</translation>
    </message>
    <message>
        <source>Repeat task every</source>
        <extracomment>The advanced repetition reads as one sentence: Repeat task every [15] minutes for a duration of [120] minutes.</extracomment>
        <translation>تكرار المهمة كل</translation>
    </message>
    <message>
        <source>minutes for a duration of</source>
        <translation>دقيقة لمدة</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>دقيقة</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>ساعات</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>أيام</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>أسابيع</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>أشهر</translation>
    </message>
</context>
<context>
    <name>hubdesk::SchedulePreview</name>
    <message>
        <source>Next runs</source>
        <translation>التشغيلات التالية</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>Loading the next runs…</source>
        <translation>جارٍ تحميل التشغيلات التالية…</translation>
    </message>
    <message>
        <source>Correct the marked schedule fields to see the next runs.</source>
        <translation>صحّح حقول الجدولة المميزة لعرض التشغيلات التالية.</translation>
    </message>
    <message>
        <source>The next runs are not available: %1</source>
        <translation>التشغيلات التالية غير متاحة: %1</translation>
    </message>
    <message>
        <source>The schedule is inactive; nothing will run.</source>
        <translation>الجدولة غير نشطة؛ لن يُشغَّل شيء.</translation>
    </message>
    <message>
        <source>The schedule has no runs left; its end date or its only run has passed.</source>
        <translation>لم يتبقَّ للجدولة أي تشغيل؛ فقد مضى تاريخ انتهائها أو تشغيلها الوحيد.</translation>
    </message>
    <message>
        <source>Times are in the district&apos;s time zone, %1.</source>
        <translation>الأوقات بالمنطقة الزمنية للمنطقة التعليمية، %1.</translation>
    </message>
    <message>
        <source>Held by a blackout window: %1</source>
        <translation>محجوز بفترة حظر: %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::SecretField</name>
    <message>
        <source>Stored</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <source>%1 is stored</source>
        <translation>%1 محفوظ</translation>
    </message>
    <message>
        <source>The engine keeps this value encrypted and never shows it.</source>
        <translation>يحتفظ المحرك بهذه القيمة مشفّرة ولا يعرضها أبدًا.</translation>
    </message>
    <message>
        <source>Load from File…</source>
        <translation>تحميل من ملف…</translation>
    </message>
    <message>
        <source>Load %1 from a file</source>
        <translation>تحميل %1 من ملف</translation>
    </message>
    <message>
        <source>Reads the file on this computer and sends its text to the engine.</source>
        <translation>يقرأ الملف على هذا الحاسوب ويرسل نصه إلى المحرك.</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 KiB, so it is not a key file.</source>
        <translation>الملف %1 أكبر من %2 كيلوبايت، لذا فهو ليس ملف مفتاح.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>تعذّرت قراءة %1: %2</translation>
    </message>
    <message>
        <source>Keep Stored</source>
        <translation>الإبقاء على المحفوظ</translation>
    </message>
    <message>
        <source>Keep the stored %1</source>
        <translation>الإبقاء على %1 المحفوظ</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <translation>استبدال %1</translation>
    </message>
    <message>
        <source>Keeps the stored value and discards what you entered.</source>
        <translation>يحتفظ بالقيمة المحفوظة ويتجاهل ما أدخلته.</translation>
    </message>
    <message>
        <source>Enter a new value in place of the stored one.</source>
        <translation>أدخل قيمة جديدة بدلًا من القيمة المحفوظة.</translation>
    </message>
</context>
<context>
    <name>hubdesk::SettingsSection</name>
    <message>
        <source>Browses this computer. Use it only when the engine runs on this computer (local mode); for a remote engine, type the path as the engine&apos;s computer sees it.</source>
        <translation>يستعرض هذا الحاسوب. استخدمه فقط عندما يعمل المحرك على هذا الحاسوب (الوضع المحلي)؛ أما للمحرك البعيد فاكتب المسار كما يراه حاسوب المحرك.</translation>
    </message>
    <message>
        <source>The name of each delivered file. Placeholders: {output} (the output&apos;s file name), {schoolYear}, {date} (yyyyMMdd), {time}, {runId} and {integrationId}. A &quot;/&quot; makes subfolders. Empty means {output}.</source>
        <translation>اسم كل ملف مسلَّم. العناصر النائبة: {output} (اسم ملف المُخرَج)، و{schoolYear}، و{date} (yyyyMMdd)، و{time}، و{runId}، و{integrationId}. الشرطة المائلة &quot;/&quot; تنشئ مجلدات فرعية. الفراغ يعني {output}.</translation>
    </message>
</context>
<context>
    <name>hubdesk::SftpPage</name>
    <message>
        <source>SFTP host</source>
        <translation>مضيف SFTP</translation>
    </message>
    <message>
        <source>sftp.example.org</source>
        <translation>sftp.example.org</translation>
    </message>
    <message>
        <source>SFTP user name</source>
        <translation>اسم مستخدم SFTP</translation>
    </message>
    <message>
        <source>SFTP authentication</source>
        <translation>مصادقة SFTP</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>المفتاح الخاص</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>عبارة مرور المفتاح</translation>
    </message>
    <message>
        <source>SFTP password</source>
        <translation>كلمة مرور SFTP</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>مفتاح المضيف</translation>
    </message>
    <message>
        <source>A known_hosts line or SHA256:… fingerprint</source>
        <translation>سطر من known_hosts أو بصمة SHA256:…</translation>
    </message>
    <message>
        <source>Remote folder</source>
        <translation>المجلد البعيد</translation>
    </message>
    <message>
        <source>The user&apos;s home folder when empty</source>
        <translation>المجلد الرئيسي للمستخدم عند تركه فارغًا</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>قالب اسم الملف</translation>
    </message>
    <message>
        <source>SFTP port</source>
        <translation>منفذ SFTP</translation>
    </message>
    <message>
        <source>Paste the key, from BEGIN to END</source>
        <translation>الصق المفتاح، من BEGIN إلى END</translation>
    </message>
    <message>
        <source>Load the Private Key</source>
        <translation>تحميل المفتاح الخاص</translation>
    </message>
    <message>
        <source>Only if the key has one</source>
        <translation>فقط إذا كان للمفتاح عبارة مرور</translation>
    </message>
    <message>
        <source>The engine connects only to a server with this key. Get it with ssh-keyscan on a trusted network, or ask the server&apos;s administrator for its SHA256 fingerprint.</source>
        <translation>لا يتصل المحرك إلا بخادم يحمل هذا المفتاح. احصل عليه باستخدام ssh-keyscan على شبكة موثوقة، أو اطلب بصمة SHA256 من مسؤول الخادم.</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>المضيف:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>المنفذ:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>اسم المستخدم:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>المصادقة:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>المفتاح الخاص:</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>عبارة مرور المفتاح:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>Host key:</source>
        <translation>مفتاح المضيف:</translation>
    </message>
    <message>
        <source>Remote folder:</source>
        <translation>المجلد البعيد:</translation>
    </message>
    <message>
        <source>File name template:</source>
        <translation>قالب اسم الملف:</translation>
    </message>
</context>
<context>
    <name>hubdesk::SignInDialog</name>
    <message>
        <source>Remember me on this computer</source>
        <translation>تذكّرني على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Sign In to an Engine</source>
        <translation>تسجيل الدخول إلى محرك</translation>
    </message>
    <message>
        <source>Keep the sign-in in the system keychain, so Hubdesk signs in without the password until you sign out</source>
        <translation>احفظ تسجيل الدخول في سلسلة مفاتيح النظام، ليسجّل Hubdesk الدخول دون كلمة المرور حتى تسجّل الخروج</translation>
    </message>
    <message>
        <source>Enter the address of the Hubdesk engine and your account.</source>
        <translation>أدخل عنوان محرك Hubdesk وحسابك.</translation>
    </message>
    <message>
        <source>Engine URL:</source>
        <translation>عنوان المحرك:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>اسم المستخدم:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Enter the engine&apos;s address as https://host:port.</source>
        <translation>أدخل عنوان المحرك بالشكل https://host:port.</translation>
    </message>
    <message>
        <source>The engine at %1 must use https:// because the password would cross the network unencrypted.</source>
        <translation>يجب أن يستخدم المحرك في %1 البروتوكول https:// لأن كلمة المرور ستعبر الشبكة دون تشفير.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>أدخل اسم المستخدم وكلمة المرور.</translation>
    </message>
    <message>
        <source>Signing In…</source>
        <translation>جارٍ تسجيل الدخول…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>شهادات النظام فقط</translation>
    </message>
    <message>
        <source>A PEM file with the certificate of the authority that issued the engine&apos;s certificate, when your district runs its own</source>
        <translation>ملف PEM بشهادة الجهة التي أصدرت شهادة المحرك، إذا كانت منطقتك التعليمية تدير جهة خاصة بها</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>اختيار ملف CA</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>ملف CA:</translation>
    </message>
    <message>
        <source>Choose the CA File</source>
        <translation>اختيار ملف CA</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>شهادات PEM (*.pem *.crt *.cer);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>hubdesk::TokenStore</name>
    <message>
        <source>No sign-in is remembered for this engine and user.</source>
        <translation>لا يوجد تسجيل دخول محفوظ لهذا المحرك وهذا المستخدم.</translation>
    </message>
    <message>
        <source>The system keychain denied access (%1), so the sign-in is not remembered.</source>
        <translation>رفضت سلسلة مفاتيح النظام الوصول (%1)، لذلك لن يُحفظ تسجيل الدخول.</translation>
    </message>
    <message>
        <source>Hubdesk cannot keep the sign-in in the system keychain because %1. You will enter your password at the next start. To be remembered, start GNOME Keyring, KWallet or another Secret Service, then sign in with &quot;Remember me on this computer&quot; ticked.</source>
        <extracomment>%1 is a reason such as &quot;no Secret Service or KWallet is running&quot;.</extracomment>
        <translation>لا يستطيع Hubdesk حفظ تسجيل الدخول في سلسلة مفاتيح النظام لأن %1. ستدخل كلمة المرور عند التشغيل القادم. لحفظه، شغّل GNOME Keyring أو KWallet أو خدمة أسرار أخرى، ثم سجّل الدخول مع تحديد «تذكّرني على هذا الحاسوب».</translation>
    </message>
    <message>
        <source>this desktop session has no D-Bus session bus</source>
        <translation>جلسة سطح المكتب هذه ليس فيها ناقل جلسة D-Bus</translation>
    </message>
    <message>
        <source>no Secret Service or KWallet is running</source>
        <translation>لا تعمل أي خدمة أسرار ولا KWallet</translation>
    </message>
    <message>
        <source>the keychain service gave no reason</source>
        <translation>لم تذكر خدمة سلسلة المفاتيح السبب</translation>
    </message>
    <message>
        <source>the keychain service reported: %1</source>
        <extracomment>%1 is the keychain library&apos;s own error text, usually in English.</extracomment>
        <translation>أفادت خدمة سلسلة المفاتيح: %1</translation>
    </message>
</context>
<context>
    <name>hubdesk::ValidationReportDialog</name>
    <message>
        <source>Export to CSV…</source>
        <translation>تصدير إلى CSV…</translation>
    </message>
    <message>
        <source>Validation Report of Run %1</source>
        <translation>تقرير التحقق للتشغيل %1</translation>
    </message>
    <message>
        <source>Show findings of this severity</source>
        <translation>عرض النتائج بهذه الخطورة</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>الأخطاء والتحذيرات</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>الأخطاء</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>التحذيرات</translation>
    </message>
    <message>
        <source>Show findings about this file</source>
        <translation>عرض النتائج الخاصة بهذا الملف</translation>
    </message>
    <message>
        <source>Show findings that contain this text</source>
        <translation>عرض النتائج التي تحتوي على هذا النص</translation>
    </message>
    <message>
        <source>Value, column, rule or message</source>
        <translation>القيمة أو العمود أو القاعدة أو الرسالة</translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation>نتائج التحقق</translation>
    </message>
    <message>
        <source>Export the shown findings to a CSV file</source>
        <translation>تصدير النتائج المعروضة إلى ملف CSV</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>الخطورة (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>الملف (&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>النص (&amp;T):</translation>
    </message>
    <message>
        <source>Loading the validation report…</source>
        <translation>جارٍ تحميل تقرير التحقق…</translation>
    </message>
    <message>
        <source>The validation report could not be loaded.</source>
        <translation>تعذّر تحميل تقرير التحقق.</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <source>This run has no validation findings.</source>
        <translation>لا توجد نتائج تحقق لهذا التشغيل.</translation>
    </message>
    <message>
        <source>Export Validation Report</source>
        <translation>تصدير تقرير التحقق</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت كتابة %1: %2</translation>
    </message>
    <message>
        <source>Errors: %1. Warnings: %2. Findings shown: %3 of %4.</source>
        <extracomment>Counts of the whole report, then the number of findings that the filters show and the number of findings in the report.</extracomment>
        <translation>الأخطاء: %1. التحذيرات: %2. النتائج المعروضة: %3 من %4.</translation>
    </message>
    <message>
        <source>Saved %1. Findings: %2.</source>
        <extracomment>A file path, then the number of findings written to it.</extracomment>
        <translation>تم حفظ %1. النتائج: %2.</translation>
    </message>
</context>
<context>
    <name>hubdesk::ValidationReportModel</name>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>القاعدة</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>الخطورة</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
</context>
<context>
    <name>hubdesk::WorkerLossRetries</name>
    <message>
        <source>Retries after an engine stop</source>
        <translation>إعادة المحاولة بعد توقف المحرك</translation>
    </message>
    <message>
        <source>None</source>
        <extracomment>Shown in the retries field when it is 0: no automatic runs after an engine stop.</extracomment>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>When the engine that runs this integration stops in the middle of a run, for example in a restart or a crash, the run fails. The engine then runs the integration again by itself, up to this many times in a row. None turns this off. A report that runs again is delivered again, even if it was delivered before the stop.</source>
        <translation>عندما يتوقف المحرك الذي يشغّل هذا التكامل في منتصف عملية تشغيل، مثلًا عند إعادة التشغيل أو عند حدوث عطل، تفشل عملية التشغيل. ثم يعيد المحرك تشغيل التكامل من تلقاء نفسه، حتى هذا العدد من المرات المتتالية. «لا شيء» يوقف ذلك. التقرير الذي يُشغَّل مرة أخرى يُسلَّم مرة أخرى، حتى لو كان قد سُلِّم قبل التوقف.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Hubdesk console. By default it starts a local engine (hubd) with its data in the application-data folder. Without a display it runs the demo headless against a local demo engine that it starts, and so does --demo when the display cannot be opened.</source>
        <translation>وحدة تحكم Hubdesk. تشغّل افتراضيًا محركًا محليًا (hubd) وبياناته في مجلد بيانات التطبيق. وبدون شاشة تشغّل العرض التوضيحي دون واجهة على محرك عرض محلي تشغّله، وكذلك يفعل --demo عندما يتعذر فتح الشاشة.</translation>
    </message>
    <message>
        <source>Load the demo district into the local engine.</source>
        <translation>تحميل المنطقة التعليمية التجريبية في المحرك المحلي.</translation>
    </message>
    <message>
        <source>Data folder of the local engine.</source>
        <translation>مجلد بيانات المحرك المحلي.</translation>
    </message>
    <message>
        <source>File that contains the engine&apos;s admin token.</source>
        <translation>الملف الذي يحتوي على رمز المسؤول للمحرك.</translation>
    </message>
    <message>
        <source>Run the demo without widgets and print the results, even when a display is available. The demo starts its own local engine; with --engine-url it needs --allow-remote-demo.</source>
        <translation>تشغيل العرض التوضيحي دون واجهة وطباعة النتائج، حتى عند توفر شاشة. يشغّل العرض محركه المحلي الخاص؛ ومع --engine-url يتطلب --allow-remote-demo.</translation>
    </message>
    <message>
        <source>Let the headless demo run against the engine at --engine-url. The demo runs an outbound integration there, which delivers a real report to that integration&apos;s destinations.</source>
        <translation>السماح للعرض التوضيحي دون واجهة بالعمل على المحرك في --engine-url. يشغّل العرض هناك تكاملًا صادرًا يسلّم تقريرًا حقيقيًا إلى وجهات ذلك التكامل.</translation>
    </message>
    <message>
        <source>Language of the console: en, es or ar. The default is the one chosen in the Language menu, else the system&apos;s.</source>
        <translation>لغة وحدة التحكم: en أو es أو ar. الافتراضية هي المختارة في قائمة اللغة، وإلا فلغة النظام.</translation>
    </message>
    <message>
        <source>Running the demo headless (--headless).</source>
        <translation>تشغيل العرض التوضيحي دون واجهة (--headless).</translation>
    </message>
    <message>
        <source>No display found (DISPLAY and WAYLAND_DISPLAY are unset); running the demo headless.</source>
        <translation>لم يُعثر على شاشة (DISPLAY وWAYLAND_DISPLAY غير معيّنين)؛ تشغيل العرض التوضيحي دون واجهة.</translation>
    </message>
    <message>
        <source>Cannot open the display %1; running the demo headless. Use --headless to skip this check.</source>
        <translation>تعذّر فتح الشاشة %1؛ تشغيل العرض التوضيحي دون واجهة. استخدم --headless لتخطي هذا الفحص.</translation>
    </message>
    <message>
        <source>Hubdesk shows the chosen language from its next start.</source>
        <translation>سيعرض Hubdesk اللغة المختارة بدءًا من التشغيل التالي.</translation>
    </message>
    <message>
        <source>Cannot Reach the Engine</source>
        <translation>تعذّر الوصول إلى المحرك</translation>
    </message>
    <message>
        <source>High Contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <source>Show the console in white and yellow on black</source>
        <translation>عرض وحدة التحكم بالأبيض والأصفر على الأسود</translation>
    </message>
    <message>
        <source>PEM file of CA certificates to trust for a remote engine&apos;s certificate, besides the system&apos;s. The console remembers it.</source>
        <translation>ملف PEM لشهادات مراجع التصديق الموثوقة لشهادة محرك بعيد، إلى جانب شهادات النظام. تتذكره وحدة التحكم.</translation>
    </message>
    <message>
        <source>Cannot Read the CA File</source>
        <translation>تعذّرت قراءة ملف المرجع المصدق</translation>
    </message>
    <message>
        <source>Connect to a running engine at this URL instead of starting one. With --token-file it uses that admin token; without, it asks you to sign in.</source>
        <translation>الاتصال بمحرك يعمل على هذا العنوان بدلًا من تشغيل محرك. مع --token-file يستخدم رمز المسؤول ذلك؛ ومن دونه يطلب منك تسجيل الدخول.</translation>
    </message>
    <message>
        <source>Sign in to the remote engine used last time, or to the one that --engine-url names.</source>
        <translation>تسجيل الدخول إلى المحرك البعيد المستخدم في المرة السابقة، أو إلى المحرك الذي يحدده --engine-url.</translation>
    </message>
</context>
</TS>
