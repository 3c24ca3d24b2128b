ALTER TABLE "sites" ADD COLUMN "contact_message_locale" text;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "contact_messages" jsonb DEFAULT '{}'::jsonb NOT NULL;