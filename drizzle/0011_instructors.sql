CREATE SEQUENCE "public"."inst_training_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "inst_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"profile_id" integer NOT NULL,
	"kind" text NOT NULL,
	"province_path" text NOT NULL,
	"criteria_set_id" integer NOT NULL,
	"profile_version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"pre_scores" jsonb NOT NULL,
	"review" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"verified_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewed_scores" jsonb,
	"reviewed_by_id" integer,
	"qualified_fields" jsonb,
	"valid_until" date,
	"decision_reasons" text,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inst_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL,
	"profile_id" integer NOT NULL,
	"hours" smallint NOT NULL,
	"evaluation" jsonb,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inst_assignments_once" UNIQUE("course_id","profile_id")
);
--> statement-breakpoint
CREATE TABLE "inst_courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"field" text NOT NULL,
	"province_id" integer,
	"division_path" text NOT NULL,
	"mode" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"hours" smallint NOT NULL,
	"trainees" smallint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"rating_token" text,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inst_courses_rating_token_unique" UNIQUE("rating_token")
);
--> statement-breakpoint
CREATE TABLE "inst_criteria_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"effective_from" date NOT NULL,
	"approved_by" text NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inst_criteria_sets_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "inst_fields" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"related_studies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inst_fields_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "inst_profiles" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"national_code" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"mobile" text NOT NULL,
	"province_id" integer NOT NULL,
	"province_path" text NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"approved_data_version" integer,
	"training_id" text,
	"qualified_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"best_score" double precision,
	"qualified_at" timestamp with time zone,
	"qualified_until" date,
	"decision_application_id" uuid,
	"rating_sum" double precision DEFAULT 0 NOT NULL,
	"rating_count" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inst_profiles_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "inst_profiles_national_code_unique" UNIQUE("national_code"),
	CONSTRAINT "inst_profiles_training_id_unique" UNIQUE("training_id")
);
--> statement-breakpoint
CREATE TABLE "inst_ratings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"trainee_code_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"overall" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inst_ratings_once" UNIQUE("assignment_id","trainee_code_id")
);
--> statement-breakpoint
CREATE TABLE "inst_reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"profile_id" integer NOT NULL,
	"until" date NOT NULL,
	"days_before" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inst_reminders_once" UNIQUE("profile_id","until","days_before")
);
--> statement-breakpoint
CREATE TABLE "inst_trainee_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "inst_trainee_codes_course_code" UNIQUE("course_id","code")
);
--> statement-breakpoint
ALTER TABLE "inst_applications" ADD CONSTRAINT "inst_applications_case_id_wf_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."wf_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_applications" ADD CONSTRAINT "inst_applications_profile_id_inst_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."inst_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_applications" ADD CONSTRAINT "inst_applications_criteria_set_id_inst_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."inst_criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_applications" ADD CONSTRAINT "inst_applications_reviewed_by_id_auth_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_assignments" ADD CONSTRAINT "inst_assignments_course_id_inst_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."inst_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_assignments" ADD CONSTRAINT "inst_assignments_profile_id_inst_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."inst_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_assignments" ADD CONSTRAINT "inst_assignments_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_courses" ADD CONSTRAINT "inst_courses_province_id_org_divisions_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_courses" ADD CONSTRAINT "inst_courses_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_criteria_sets" ADD CONSTRAINT "inst_criteria_sets_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_profiles" ADD CONSTRAINT "inst_profiles_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_profiles" ADD CONSTRAINT "inst_profiles_province_id_org_divisions_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_ratings" ADD CONSTRAINT "inst_ratings_assignment_id_inst_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."inst_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_ratings" ADD CONSTRAINT "inst_ratings_trainee_code_id_inst_trainee_codes_id_fk" FOREIGN KEY ("trainee_code_id") REFERENCES "public"."inst_trainee_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_reminders" ADD CONSTRAINT "inst_reminders_profile_id_inst_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."inst_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inst_trainee_codes" ADD CONSTRAINT "inst_trainee_codes_course_id_inst_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."inst_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inst_applications_case" ON "inst_applications" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inst_applications_tracking" ON "inst_applications" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "inst_applications_open" ON "inst_applications" USING btree ("profile_id") WHERE "inst_applications"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "inst_applications_profile" ON "inst_applications" USING btree ("profile_id","created_at");--> statement-breakpoint
CREATE INDEX "inst_applications_path" ON "inst_applications" USING btree ("province_path" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "inst_assignments_profile" ON "inst_assignments" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "inst_courses_path" ON "inst_courses" USING btree ("division_path" text_pattern_ops,"starts_on");--> statement-breakpoint
CREATE INDEX "inst_courses_field" ON "inst_courses" USING btree ("field");--> statement-breakpoint
CREATE INDEX "inst_criteria_sets_effective" ON "inst_criteria_sets" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "inst_profiles_province" ON "inst_profiles" USING btree ("province_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "inst_profiles_fields" ON "inst_profiles" USING gin ("qualified_fields");--> statement-breakpoint
CREATE INDEX "inst_profiles_name_trgm" ON "inst_profiles" USING gin (fa_normalize("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inst_ratings_created" ON "inst_ratings" USING btree ("created_at");