-- A pending reactivation request ends by itself when the account stops being deactivated some
-- other way (an administrator's Reactivate on the users page, an undo, the directory) or is
-- deleted (by an administrator or the lifecycle purge): whichever code or person did it.
CREATE FUNCTION end_reactivation_requests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE reactivation_requests SET state = 'ended', ended_reason = 'deleted', decided_at = now()
      WHERE user_id = OLD.id AND state = 'pending';
    RETURN OLD;
  END IF;
  IF OLD.status = 'inactive' AND NEW.status IS DISTINCT FROM 'inactive' THEN
    UPDATE reactivation_requests SET state = 'ended', ended_reason = 'reactivated', decided_at = now()
      WHERE user_id = NEW.id AND state = 'pending';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_end_reactivation_requests_on_status AFTER UPDATE OF status ON users
  FOR EACH ROW EXECUTE FUNCTION end_reactivation_requests();
--> statement-breakpoint
CREATE TRIGGER users_end_reactivation_requests_on_delete BEFORE DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION end_reactivation_requests();
