-- A verification link is for the account as it was when the link was sent: any change of the
-- account's status (verified, deactivated, reactivated, whichever code or person changed it) ends
-- every verification link still open. A new password ends every open reset link.
CREATE FUNCTION end_account_tokens_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    UPDATE account_tokens SET used_at = now()
      WHERE user_id = NEW.id AND purpose = 'verify-email' AND used_at IS NULL;
  END IF;
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
    UPDATE account_tokens SET used_at = now()
      WHERE user_id = NEW.id AND purpose = 'reset-password' AND used_at IS NULL;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_end_account_tokens AFTER UPDATE OF status, password_hash ON users
  FOR EACH ROW EXECUTE FUNCTION end_account_tokens_on_change();
