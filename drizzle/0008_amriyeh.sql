CREATE TABLE "amriyeh_allocation_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"scope" text NOT NULL,
	"province_id" integer,
	"input_hash" text NOT NULL,
	"seed" text NOT NULL,
	"input" jsonb NOT NULL,
	"output" jsonb NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amriyeh_allocation_runs_scope" CHECK (("amriyeh_allocation_runs"."scope" = 'national') = ("amriyeh_allocation_runs"."province_id" is null))
);
--> statement-breakpoint
CREATE TABLE "amriyeh_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"applicant_id" integer NOT NULL,
	"national_code" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"father_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"education_level" text NOT NULL,
	"field_of_study" text DEFAULT '' NOT NULL,
	"gpa" real,
	"residence_division_id" integer NOT NULL,
	"birth_place_division_id" integer NOT NULL,
	"marital_status" text NOT NULL,
	"conscription_status" text NOT NULL,
	"priority_claims" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferences" jsonb NOT NULL,
	"province_id" integer NOT NULL,
	"mobile" text NOT NULL,
	"eligibility" jsonb NOT NULL,
	"score" real,
	"score_parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"run_id" bigint,
	"rank" integer,
	"assigned_station_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amriyeh_applications_case_id_unique" UNIQUE("case_id"),
	CONSTRAINT "amriyeh_applications_tracking_code_unique" UNIQUE("tracking_code"),
	CONSTRAINT "amriyeh_applications_call_national_code" UNIQUE("call_id","national_code"),
	CONSTRAINT "amriyeh_applications_gpa" CHECK ("amriyeh_applications"."gpa" is null or ("amriyeh_applications"."gpa" >= 0 and "amriyeh_applications"."gpa" <= 20))
);
--> statement-breakpoint
CREATE TABLE "amriyeh_call_quotas" (
	"call_id" integer NOT NULL,
	"province_id" integer NOT NULL,
	"quota" integer NOT NULL,
	CONSTRAINT "amriyeh_call_quotas_call_id_province_id_pk" PRIMARY KEY("call_id","province_id"),
	CONSTRAINT "amriyeh_call_quotas_quota" CHECK ("amriyeh_call_quotas"."quota" >= 0)
);
--> statement-breakpoint
CREATE TABLE "amriyeh_calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reference_date" timestamp with time zone NOT NULL,
	"national_quota" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"lottery_seed" text,
	"seed_published_at" timestamp with time zone,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amriyeh_calls_period" CHECK ("amriyeh_calls"."starts_at" <= "amriyeh_calls"."ends_at"),
	CONSTRAINT "amriyeh_calls_quota" CHECK ("amriyeh_calls"."national_quota" >= 0)
);
--> statement-breakpoint
CREATE TABLE "amriyeh_letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"application_id" uuid NOT NULL,
	"station_id" integer NOT NULL,
	"run_id" bigint,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by_id" integer,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by_id" integer,
	CONSTRAINT "amriyeh_letters_number_unique" UNIQUE("number"),
	CONSTRAINT "amriyeh_letters_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "amriyeh_letters_revocation" CHECK (("amriyeh_letters"."revoked_at" is null) = ("amriyeh_letters"."revoked_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "amriyeh_stations" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"dehyari_id" integer NOT NULL,
	"division_id" integer NOT NULL,
	"division_path" text NOT NULL,
	"province_id" integer NOT NULL,
	"name" text NOT NULL,
	"seats_requested" smallint NOT NULL,
	"seats_confirmed" smallint,
	"seats_capped" smallint,
	"requested_by_id" integer,
	"confirmed_by_id" integer,
	"capped_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amriyeh_stations_call_dehyari" UNIQUE("call_id","dehyari_id"),
	CONSTRAINT "amriyeh_stations_seats" CHECK ("amriyeh_stations"."seats_requested" >= 0 and coalesce("amriyeh_stations"."seats_confirmed", 0) >= 0 and coalesce("amriyeh_stations"."seats_capped", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "amriyeh_allocation_runs" ADD CONSTRAINT "amriyeh_allocation_runs_call_id_amriyeh_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."amriyeh_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_allocation_runs" ADD CONSTRAINT "amriyeh_allocation_runs_province_id_org_divisions_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_allocation_runs" ADD CONSTRAINT "amriyeh_allocation_runs_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_applications" ADD CONSTRAINT "amriyeh_applications_call_id_amriyeh_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."amriyeh_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_applications" ADD CONSTRAINT "amriyeh_applications_case_id_wf_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."wf_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_applications" ADD CONSTRAINT "amriyeh_applications_applicant_id_auth_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_applications" ADD CONSTRAINT "amriyeh_applications_residence_division_id_org_divisions_id_fk" FOREIGN KEY ("residence_division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_applications" ADD CONSTRAINT "amriyeh_applications_birth_place_division_id_org_divisions_id_fk" FOREIGN KEY ("birth_place_division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_applications" ADD CONSTRAINT "amriyeh_applications_province_id_org_divisions_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_applications" ADD CONSTRAINT "amriyeh_applications_assigned_station_id_amriyeh_stations_id_fk" FOREIGN KEY ("assigned_station_id") REFERENCES "public"."amriyeh_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_call_quotas" ADD CONSTRAINT "amriyeh_call_quotas_call_id_amriyeh_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."amriyeh_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_call_quotas" ADD CONSTRAINT "amriyeh_call_quotas_province_id_org_divisions_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_calls" ADD CONSTRAINT "amriyeh_calls_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_letters" ADD CONSTRAINT "amriyeh_letters_application_id_amriyeh_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."amriyeh_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_letters" ADD CONSTRAINT "amriyeh_letters_station_id_amriyeh_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."amriyeh_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_letters" ADD CONSTRAINT "amriyeh_letters_run_id_amriyeh_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."amriyeh_allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_letters" ADD CONSTRAINT "amriyeh_letters_issued_by_id_auth_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_letters" ADD CONSTRAINT "amriyeh_letters_revoked_by_id_auth_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_stations" ADD CONSTRAINT "amriyeh_stations_call_id_amriyeh_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."amriyeh_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_stations" ADD CONSTRAINT "amriyeh_stations_dehyari_id_org_dehyaris_id_fk" FOREIGN KEY ("dehyari_id") REFERENCES "public"."org_dehyaris"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_stations" ADD CONSTRAINT "amriyeh_stations_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_stations" ADD CONSTRAINT "amriyeh_stations_province_id_org_divisions_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_stations" ADD CONSTRAINT "amriyeh_stations_requested_by_id_auth_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_stations" ADD CONSTRAINT "amriyeh_stations_confirmed_by_id_auth_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amriyeh_stations" ADD CONSTRAINT "amriyeh_stations_capped_by_id_auth_users_id_fk" FOREIGN KEY ("capped_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amriyeh_allocation_runs_call" ON "amriyeh_allocation_runs" USING btree ("call_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "amriyeh_allocation_runs_province_once" ON "amriyeh_allocation_runs" USING btree ("call_id","province_id") WHERE "amriyeh_allocation_runs"."scope" = 'province';--> statement-breakpoint
CREATE UNIQUE INDEX "amriyeh_allocation_runs_national_once" ON "amriyeh_allocation_runs" USING btree ("call_id") WHERE "amriyeh_allocation_runs"."scope" = 'national';--> statement-breakpoint
CREATE INDEX "amriyeh_applications_applicant" ON "amriyeh_applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "amriyeh_applications_province" ON "amriyeh_applications" USING btree ("call_id","province_id");--> statement-breakpoint
CREATE INDEX "amriyeh_applications_run" ON "amriyeh_applications" USING btree ("run_id","rank");--> statement-breakpoint
CREATE INDEX "amriyeh_calls_state" ON "amriyeh_calls" USING btree ("state","ends_at");--> statement-breakpoint
CREATE INDEX "amriyeh_letters_station" ON "amriyeh_letters" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "amriyeh_stations_path" ON "amriyeh_stations" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "amriyeh_stations_province" ON "amriyeh_stations" USING btree ("call_id","province_id");