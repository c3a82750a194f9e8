-- Today's customers (contacts with a won deal) with the contact's owner and last inbound message, kept by triggers
-- on f_deals and f_contacts, so the funnel's activeCustomerRate and churnRate read the customers alone instead of
-- joining every contact with the deals. It holds exactly the rows of
--   SELECT c.id, c.owner, c.last_inbound_at FROM f_contacts c
--   WHERE EXISTS (SELECT 1 FROM f_deals d WHERE d.contact_id = c.id AND d.stage = 'won')
-- Statement-level triggers with transition tables, so a bulk write refreshes its contacts in one pass.

CREATE TABLE f_customers (
    contact_id       uuid PRIMARY KEY,
    owner            text,
    last_inbound_at  timestamptz
);

-- The contacts of the changed deals: drop them and add back those that still have a won deal.
CREATE FUNCTION f_customers_refresh(touched uuid[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM f_customers WHERE contact_id = ANY (touched);
    INSERT INTO f_customers (contact_id, owner, last_inbound_at)
    SELECT c.id, c.owner, c.last_inbound_at FROM f_contacts c
    WHERE c.id = ANY (touched) AND EXISTS (SELECT 1 FROM f_deals d WHERE d.contact_id = c.id AND d.stage = 'won');
$$;

CREATE FUNCTION f_customers_refresh_deals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM f_customers_refresh(ARRAY(SELECT DISTINCT contact_id FROM new_deals));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM f_customers_refresh(ARRAY(SELECT contact_id FROM new_deals UNION SELECT contact_id FROM old_deals));
    ELSE
        PERFORM f_customers_refresh(ARRAY(SELECT DISTINCT contact_id FROM old_deals));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER f_deals_customers_insert AFTER INSERT ON f_deals REFERENCING NEW TABLE AS new_deals
    FOR EACH STATEMENT EXECUTE FUNCTION f_customers_refresh_deals();
CREATE TRIGGER f_deals_customers_update AFTER UPDATE ON f_deals REFERENCING OLD TABLE AS old_deals
    NEW TABLE AS new_deals FOR EACH STATEMENT EXECUTE FUNCTION f_customers_refresh_deals();
CREATE TRIGGER f_deals_customers_delete AFTER DELETE ON f_deals REFERENCING OLD TABLE AS old_deals
    FOR EACH STATEMENT EXECUTE FUNCTION f_customers_refresh_deals();

-- A contact that arrives after its won deal becomes a customer; a customer's owner and last message follow it.
CREATE FUNCTION f_customers_refresh_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM f_customers k USING old_contacts o WHERE k.contact_id = o.id;
        RETURN NULL;
    END IF;
    UPDATE f_customers k SET owner = n.owner, last_inbound_at = n.last_inbound_at
    FROM new_contacts n WHERE k.contact_id = n.id;
    INSERT INTO f_customers (contact_id, owner, last_inbound_at)
    SELECT n.id, n.owner, n.last_inbound_at FROM new_contacts n
    WHERE EXISTS (SELECT 1 FROM f_deals d WHERE d.contact_id = n.id AND d.stage = 'won')
    ON CONFLICT (contact_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER f_contacts_customers_insert AFTER INSERT ON f_contacts REFERENCING NEW TABLE AS new_contacts
    FOR EACH STATEMENT EXECUTE FUNCTION f_customers_refresh_contacts();
CREATE TRIGGER f_contacts_customers_update AFTER UPDATE ON f_contacts REFERENCING NEW TABLE AS new_contacts
    FOR EACH STATEMENT EXECUTE FUNCTION f_customers_refresh_contacts();
CREATE TRIGGER f_contacts_customers_delete AFTER DELETE ON f_contacts REFERENCING OLD TABLE AS old_contacts
    FOR EACH STATEMENT EXECUTE FUNCTION f_customers_refresh_contacts();

-- Emptying either fact table (the bench seed does) leaves no customers.
CREATE FUNCTION f_customers_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE f_customers;
    RETURN NULL;
END $$;
CREATE TRIGGER f_deals_customers_truncate AFTER TRUNCATE ON f_deals
    FOR EACH STATEMENT EXECUTE FUNCTION f_customers_clear();
CREATE TRIGGER f_contacts_customers_truncate AFTER TRUNCATE ON f_contacts
    FOR EACH STATEMENT EXECUTE FUNCTION f_customers_clear();

INSERT INTO f_customers (contact_id, owner, last_inbound_at)
SELECT c.id, c.owner, c.last_inbound_at FROM f_contacts c
WHERE EXISTS (SELECT 1 FROM f_deals d WHERE d.contact_id = c.id AND d.stage = 'won');
ANALYZE f_customers;
