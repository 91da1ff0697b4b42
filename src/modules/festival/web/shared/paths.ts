// The festival's API base and the address of an owner's own document (tiny: the light pages import it without the form).
export const FEST = '/api/v1/festival';
export const SHOWCASE = '/api/v1/showcase';
/** Where an owner's own documents are read (his session may read what he uploaded). */
export const ownDocumentUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`;
