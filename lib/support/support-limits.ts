// Length limits of support questions and tickets, for the schemas and the Support page's inputs. Kept apart
// from the zod schemas so the page's browser bundle does not carry zod, whose eval probe the CSP refuses.
export const QUESTION_MAX = 500;
export const SUBJECT_MAX = 150;
export const MESSAGE_MAX = 5000;
