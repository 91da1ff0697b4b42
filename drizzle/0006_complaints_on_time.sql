ALTER TABLE "complaints" ADD COLUMN "first_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "answered_on_time" boolean;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "answer_working_days" smallint;