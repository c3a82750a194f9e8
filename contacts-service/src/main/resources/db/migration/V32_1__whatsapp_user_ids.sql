-- WhatsApp usernames. Meta names every user by a business-scoped user id (BSUID, e.g. US.13491208655302741918),
-- beside the phone or, for a user who adopted a username, instead of it. The BSUID is the stable key (a new one
-- comes only with a new phone number); the username is for display and may change.
ALTER TABLE contacts ADD COLUMN whatsapp_user_id text UNIQUE;
ALTER TABLE contacts ADD COLUMN username text;
-- A contact absorbed into another once a message proved both are one person (see identity/ContactMerge): it keeps
-- its id, so references held elsewhere can follow mergedInto, and is retired like an erased contact.
ALTER TABLE contacts ADD COLUMN merged_into uuid REFERENCES contacts (id);
