DROP INDEX "notify_outbox_pending";--> statement-breakpoint
ALTER TABLE "notify_outbox" ADD COLUMN "run_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "notify_outbox" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "wf_cases" ADD COLUMN "sla_paused_state" text;--> statement-breakpoint
ALTER TABLE "wf_cases" ADD COLUMN "sla_remaining_days" smallint;--> statement-breakpoint
CREATE INDEX "notify_outbox_pending" ON "notify_outbox" USING btree ("status","run_at");