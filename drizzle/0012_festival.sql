CREATE TABLE "fest_assignments" (
	"entry_id" uuid NOT NULL,
	"judge_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fest_assignments_entry_id_judge_id_pk" PRIMARY KEY("entry_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "fest_conflicts" (
	"entry_id" uuid NOT NULL,
	"judge_id" integer NOT NULL,
	"reason" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fest_conflicts_entry_id_judge_id_pk" PRIMARY KEY("entry_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "fest_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" integer NOT NULL,
	"case_id" uuid,
	"tracking_code" text,
	"owner_kind" text NOT NULL,
	"owner_user_id" integer NOT NULL,
	"village_id" integer NOT NULL,
	"village_path" text NOT NULL,
	"county_path" text NOT NULL,
	"province_id" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"plan" jsonb NOT NULL,
	"axis" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"jobs" integer,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raw_mean" double precision,
	"mean_z" double precision,
	"spread" double precision,
	"flagged" boolean,
	"rank_national" integer,
	"rank_province" integer,
	"award" text,
	"selected_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fest_judges" (
	"round_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"county_id" integer,
	"county_path" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fest_judges_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "fest_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"asker_user_id" integer NOT NULL,
	"asker_village_id" integer NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_by_id" integer,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fest_replications" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"village_id" integer NOT NULL,
	"village_path" text NOT NULL,
	"user_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fest_replications_once" UNIQUE("entry_id","village_id")
);
--> statement-breakpoint
CREATE TABLE "fest_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"axes" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"required_parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"judges_per_entry" integer DEFAULT 3 NOT NULL,
	"disagreement_threshold" double precision DEFAULT 1.5 NOT NULL,
	"agreement" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"judging_started_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	CONSTRAINT "fest_rounds_year_unique" UNIQUE("year")
);
--> statement-breakpoint
CREATE TABLE "fest_scores" (
	"entry_id" uuid NOT NULL,
	"judge_id" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"total" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fest_scores_entry_id_judge_id_pk" PRIMARY KEY("entry_id","judge_id")
);
--> statement-breakpoint
ALTER TABLE "fest_assignments" ADD CONSTRAINT "fest_assignments_entry_id_fest_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."fest_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_assignments" ADD CONSTRAINT "fest_assignments_judge_id_auth_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_assignments" ADD CONSTRAINT "fest_assignments_round_id_fest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."fest_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_conflicts" ADD CONSTRAINT "fest_conflicts_entry_id_fest_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."fest_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_conflicts" ADD CONSTRAINT "fest_conflicts_judge_id_auth_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_entries" ADD CONSTRAINT "fest_entries_round_id_fest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."fest_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_entries" ADD CONSTRAINT "fest_entries_case_id_wf_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."wf_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_entries" ADD CONSTRAINT "fest_entries_owner_user_id_auth_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_entries" ADD CONSTRAINT "fest_entries_village_id_org_divisions_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_entries" ADD CONSTRAINT "fest_entries_province_id_org_divisions_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_judges" ADD CONSTRAINT "fest_judges_round_id_fest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."fest_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_judges" ADD CONSTRAINT "fest_judges_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_judges" ADD CONSTRAINT "fest_judges_county_id_org_divisions_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_questions" ADD CONSTRAINT "fest_questions_entry_id_fest_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."fest_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_questions" ADD CONSTRAINT "fest_questions_asker_user_id_auth_users_id_fk" FOREIGN KEY ("asker_user_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_questions" ADD CONSTRAINT "fest_questions_asker_village_id_org_divisions_id_fk" FOREIGN KEY ("asker_village_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_questions" ADD CONSTRAINT "fest_questions_answered_by_id_auth_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_replications" ADD CONSTRAINT "fest_replications_entry_id_fest_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."fest_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_replications" ADD CONSTRAINT "fest_replications_village_id_org_divisions_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_replications" ADD CONSTRAINT "fest_replications_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_rounds" ADD CONSTRAINT "fest_rounds_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_scores" ADD CONSTRAINT "fest_scores_entry_id_fest_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."fest_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fest_scores" ADD CONSTRAINT "fest_scores_judge_id_auth_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fest_assignments_judge" ON "fest_assignments" USING btree ("judge_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fest_entries_case" ON "fest_entries" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fest_entries_tracking" ON "fest_entries" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "fest_entries_round" ON "fest_entries" USING btree ("round_id","state");--> statement-breakpoint
CREATE INDEX "fest_entries_owner" ON "fest_entries" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "fest_entries_village" ON "fest_entries" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "fest_entries_path" ON "fest_entries" USING btree ("village_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "fest_entries_selected" ON "fest_entries" USING btree ("selected_at") WHERE "fest_entries"."state" = 'selected';--> statement-breakpoint
CREATE INDEX "fest_entries_search_trgm" ON "fest_entries" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "fest_questions_entry" ON "fest_questions" USING btree ("entry_id","asked_at");--> statement-breakpoint
CREATE INDEX "fest_questions_asker" ON "fest_questions" USING btree ("asker_user_id");--> statement-breakpoint
CREATE INDEX "fest_replications_path" ON "fest_replications" USING btree ("village_path" text_pattern_ops);