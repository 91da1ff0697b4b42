CREATE TABLE "grading_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"division_id" integer NOT NULL,
	"division_path" text NOT NULL,
	"grade" smallint NOT NULL,
	"rule_set_id" integer,
	"order_number" text,
	"effective_date" date NOT NULL,
	"request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grading_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"subject" text NOT NULL,
	"division_id" integer NOT NULL,
	"division_path" text NOT NULL,
	"sheet_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"rule_set_id" integer NOT NULL,
	"values" jsonb NOT NULL,
	"documents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"from_grade" smallint,
	"supported_grade" smallint NOT NULL,
	"justification" text NOT NULL,
	"verdicts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reviewed_evaluation" jsonb,
	"final_grade" smallint,
	"effective_date" date,
	"order_number" text,
	"decision_reasons" text,
	"closed_at" timestamp with time zone,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grading_rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"effective_from" date NOT NULL,
	"approved_by" text NOT NULL,
	"is_example" integer DEFAULT 0 NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grading_rule_sets_version" UNIQUE("subject","version")
);
--> statement-breakpoint
CREATE TABLE "grading_sheets" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"division_id" integer NOT NULL,
	"division_path" text NOT NULL,
	"year" smallint NOT NULL,
	"values" jsonb NOT NULL,
	"documents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grading_sheets_entity_year" UNIQUE("subject","division_id","year")
);
--> statement-breakpoint
ALTER TABLE "grading_history" ADD CONSTRAINT "grading_history_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_history" ADD CONSTRAINT "grading_history_rule_set_id_grading_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."grading_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_history" ADD CONSTRAINT "grading_history_request_id_grading_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."grading_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_requests" ADD CONSTRAINT "grading_requests_case_id_wf_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."wf_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_requests" ADD CONSTRAINT "grading_requests_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_requests" ADD CONSTRAINT "grading_requests_sheet_id_grading_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."grading_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_requests" ADD CONSTRAINT "grading_requests_rule_set_id_grading_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."grading_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_requests" ADD CONSTRAINT "grading_requests_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_rule_sets" ADD CONSTRAINT "grading_rule_sets_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_sheets" ADD CONSTRAINT "grading_sheets_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_sheets" ADD CONSTRAINT "grading_sheets_updated_by_id_auth_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grading_history_entity" ON "grading_history" USING btree ("subject","division_id","effective_date");--> statement-breakpoint
CREATE INDEX "grading_history_path" ON "grading_history" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "grading_requests_case" ON "grading_requests" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_requests_tracking" ON "grading_requests" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_requests_open" ON "grading_requests" USING btree ("subject","division_id") WHERE "grading_requests"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "grading_requests_path" ON "grading_requests" USING btree ("division_path" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "grading_rule_sets_effective" ON "grading_rule_sets" USING btree ("subject","effective_from");