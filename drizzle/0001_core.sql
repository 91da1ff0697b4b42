CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"division_path" text,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_otps" (
	"id" serial PRIMARY KEY NOT NULL,
	"mobile" text NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "auth_user_roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"division_id" integer
);
--> statement-breakpoint
CREATE TABLE "auth_users" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"username" text,
	"display_name" text NOT NULL,
	"password_hash" text,
	"mobile" text,
	"email" text,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"failed_logins" smallint DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "doc_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"purpose" text NOT NULL,
	"division_path" text,
	"owner_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"max_attempts" smallint DEFAULT 5 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "jobs_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "notify_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_dehyaris" (
	"id" serial PRIMARY KEY NOT NULL,
	"division_id" integer NOT NULL,
	"name" text NOT NULL,
	"grade" smallint,
	"has_fire_station" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_dehyaris_division_id_unique" UNIQUE("division_id")
);
--> statement-breakpoint
CREATE TABLE "org_divisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"path" text NOT NULL,
	"depth" smallint NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_municipalities" (
	"id" serial PRIMARY KEY NOT NULL,
	"division_id" integer NOT NULL,
	"name" text NOT NULL,
	"grade" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_municipalities_division_id_unique" UNIQUE("division_id")
);
--> statement-breakpoint
CREATE TABLE "wf_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"definition" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"division_id" integer NOT NULL,
	"division_path" text NOT NULL,
	"subject_ref" text,
	"title" text NOT NULL,
	"assignee_id" integer,
	"returned_by_id" integer,
	"returned_from_state" text,
	"due_at" timestamp with time zone,
	"escalated" smallint DEFAULT 0 NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wf_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" integer,
	"system" boolean DEFAULT false NOT NULL,
	"comment" text,
	"document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wf_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_user_roles" ADD CONSTRAINT "auth_user_roles_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_user_roles" ADD CONSTRAINT "auth_user_roles_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doc_files" ADD CONSTRAINT "doc_files_owner_id_auth_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_dehyaris" ADD CONSTRAINT "org_dehyaris_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_divisions" ADD CONSTRAINT "org_divisions_parent_id_org_divisions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_municipalities" ADD CONSTRAINT "org_municipalities_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wf_cases" ADD CONSTRAINT "wf_cases_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wf_cases" ADD CONSTRAINT "wf_cases_assignee_id_auth_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wf_cases" ADD CONSTRAINT "wf_cases_returned_by_id_auth_users_id_fk" FOREIGN KEY ("returned_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wf_cases" ADD CONSTRAINT "wf_cases_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wf_history" ADD CONSTRAINT "wf_history_case_id_wf_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."wf_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wf_history" ADD CONSTRAINT "wf_history_actor_id_auth_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_otps_mobile" ON "auth_otps" USING btree ("mobile","created_at");--> statement-breakpoint
CREATE INDEX "auth_sessions_user" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_expires" ON "auth_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "auth_user_roles_unique" ON "auth_user_roles" USING btree ("user_id","role","division_id");--> statement-breakpoint
CREATE INDEX "auth_user_roles_user" ON "auth_user_roles" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "auth_users_citizen_mobile" ON "auth_users" USING btree ("mobile") WHERE "auth_users"."kind" = 'citizen';--> statement-breakpoint
CREATE INDEX "doc_files_owner" ON "doc_files" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "notify_outbox_pending" ON "notify_outbox" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_divisions_level_code" ON "org_divisions" USING btree ("level","code");--> statement-breakpoint
CREATE INDEX "org_divisions_parent" ON "org_divisions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_divisions_path" ON "org_divisions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_divisions_name_trgm" ON "org_divisions" USING gin (fa_normalize("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "wf_cases_def_state" ON "wf_cases" USING btree ("definition","state","due_at");--> statement-breakpoint
CREATE INDEX "wf_cases_path" ON "wf_cases" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "wf_cases_assignee" ON "wf_cases" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "wf_cases_subject" ON "wf_cases" USING btree ("subject_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "wf_history_case_seq" ON "wf_history" USING btree ("case_id","seq");