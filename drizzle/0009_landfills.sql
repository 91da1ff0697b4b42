CREATE TABLE "landfill_allocations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"division_id" integer,
	"division_path" text NOT NULL,
	"budget" double precision NOT NULL,
	"weights" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "landfill_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"content" "bytea" NOT NULL,
	"rows" jsonb NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "landfill_scenarios" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"division_id" integer,
	"division_path" text NOT NULL,
	"params" jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"labels" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"progress" jsonb,
	"result" jsonb,
	"error" text,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "landfill_sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"division_id" integer NOT NULL,
	"division_path" text NOT NULL,
	"operator" text DEFAULT '' NOT NULL,
	"start_year" integer,
	"area_m2" double precision,
	"capacity" double precision,
	"capacity_unit" text DEFAULT 'm3' NOT NULL,
	"fill_percent" double precision,
	"daily_intake_t" double precision,
	"design_intake_t" double precision,
	"served_village_ids" integer[] DEFAULT '{}' NOT NULL,
	"dist_water_m" double precision,
	"dist_settlement_m" double precision,
	"dist_road_m" double precision,
	"groundwater_depth_m" double precision,
	"soil_notes" text DEFAULT '' NOT NULL,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"population_exposed" integer,
	"required_funding_mrial" integer,
	"document_ids" uuid[] DEFAULT '{}' NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "landfill_sites_fill" CHECK ("landfill_sites"."fill_percent" is null or ("landfill_sites"."fill_percent" >= 0 and "landfill_sites"."fill_percent" <= 100))
);
--> statement-breakpoint
CREATE TABLE "landfill_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_divisions" ADD COLUMN "population" integer;--> statement-breakpoint
ALTER TABLE "landfill_allocations" ADD CONSTRAINT "landfill_allocations_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_allocations" ADD CONSTRAINT "landfill_allocations_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_imports" ADD CONSTRAINT "landfill_imports_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_scenarios" ADD CONSTRAINT "landfill_scenarios_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_scenarios" ADD CONSTRAINT "landfill_scenarios_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_sites" ADD CONSTRAINT "landfill_sites_division_id_org_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."org_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_sites" ADD CONSTRAINT "landfill_sites_case_id_wf_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."wf_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_sites" ADD CONSTRAINT "landfill_sites_created_by_id_auth_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_status_history" ADD CONSTRAINT "landfill_status_history_site_id_landfill_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."landfill_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landfill_status_history" ADD CONSTRAINT "landfill_status_history_actor_id_auth_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "landfill_allocations_path" ON "landfill_allocations" USING btree ("division_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "landfill_imports_owner" ON "landfill_imports" USING btree ("created_by_id","created_at");--> statement-breakpoint
CREATE INDEX "landfill_scenarios_path" ON "landfill_scenarios" USING btree ("division_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "landfill_scenarios_state" ON "landfill_scenarios" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "landfill_sites_external_id" ON "landfill_sites" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "landfill_sites_case" ON "landfill_sites" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "landfill_sites_path" ON "landfill_sites" USING btree ("division_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "landfill_sites_kind_status" ON "landfill_sites" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "landfill_sites_name_trgm" ON "landfill_sites" USING gin (fa_normalize("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "landfill_status_history_site" ON "landfill_status_history" USING btree ("site_id","at");