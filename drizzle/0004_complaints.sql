CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"kind" text NOT NULL,
	"category_id" integer NOT NULL,
	"division_id" integer NOT NULL,
	"division_path" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"address" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"mobile" text,
	"citizen_name" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"citizen_id" integer,
	"source" text DEFAULT 'web' NOT NULL,
	"api_client" text,
	"rating" smallint,
	"rating_comment" text,
	"reopened_count" smallint DEFAULT 0 NOT NULL,
	"duplicate_of" uuid,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_case_id_unique" UNIQUE("case_id"),
	CONSTRAINT "complaints_tracking_code_unique" UNIQUE("tracking_code")
);
--> statement-breakpoint
CREATE TABLE "complaints_api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "complaints_attachments" (
	"complaint_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"added_by" integer,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_attachments_complaint_id_document_id_pk" PRIMARY KEY("complaint_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "complaints_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"office" text DEFAULT 'municipality' NOT NULL,
	"sla_days" smallint DEFAULT 15 NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "complaints_categories_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "complaints_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" integer,
	"document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_case_id_wf_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."wf_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_id_complaints_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."complaints_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_citizen_id_auth_users_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_duplicate_of_complaints_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_attachments" ADD CONSTRAINT "complaints_attachments_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_attachments" ADD CONSTRAINT "complaints_attachments_document_id_doc_files_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."doc_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_attachments" ADD CONSTRAINT "complaints_attachments_added_by_auth_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_categories" ADD CONSTRAINT "complaints_categories_parent_id_complaints_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."complaints_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_messages" ADD CONSTRAINT "complaints_messages_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_messages" ADD CONSTRAINT "complaints_messages_author_id_auth_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_templates" ADD CONSTRAINT "complaints_templates_category_id_complaints_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."complaints_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_path" ON "complaints" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "complaints_category" ON "complaints" USING btree ("category_id","created_at");--> statement-breakpoint
CREATE INDEX "complaints_created" ON "complaints" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "complaints_citizen" ON "complaints" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "complaints_text_trgm" ON "complaints" USING gin (fa_normalize("subject" || ' ' || "body") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "complaints_messages_complaint" ON "complaints_messages" USING btree ("complaint_id","id");