CREATE INDEX "complaints_mobile" ON "complaints" USING btree ("mobile");--> statement-breakpoint
CREATE INDEX "complaints_attachments_document" ON "complaints_attachments" USING btree ("document_id");