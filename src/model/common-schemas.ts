// The shared field schemas live in format/, where records/ can use them too.
export { isoDatum, regels, tekst } from '../format/common-schemas.js';
