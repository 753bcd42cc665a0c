-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0

-- The secrets of a destination (passwords, private keys, SAS tokens, account keys, bearer
-- tokens, client key passphrases) as one JSON object sealed with libsodium's crypto_secretbox
-- under the key in DATA_DIR/secret.key, which is kept outside the database. The text is "v1:"
-- and the Base64 of nonce and ciphertext; NULL when the destination has no secret.
ALTER TABLE destinations ADD COLUMN secrets TEXT;

-- What a delivery phase wrote: the remote path, blob name or file name at the destination.
ALTER TABLE run_phases ADD COLUMN target TEXT;
