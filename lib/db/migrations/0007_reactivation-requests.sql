CREATE TABLE "reactivation_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reactivation_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" integer NOT NULL,
	"user_id" integer,
	"state" text DEFAULT 'pending' NOT NULL,
	"ended_reason" text,
	"locale" text NOT NULL,
	"reference_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decline_reason" text
);
--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "reference_code" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "preferred_locale" text;--> statement-breakpoint
ALTER TABLE "reactivation_requests" ADD CONSTRAINT "reactivation_requests_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reactivation_requests" ADD CONSTRAINT "reactivation_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reactivation_requests_one_pending" ON "reactivation_requests" USING btree ("user_id") WHERE "reactivation_requests"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "reactivation_requests_site" ON "reactivation_requests" USING btree ("site_id","state","created_at");