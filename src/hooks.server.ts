// The single entry point of every request (pages and exports alike). A later login puts the
// signed-in user and their scope in event.locals here, so that no route can forget the check.
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};

/** Unexpected errors: logged with the request id, shown in Dutch without internals. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: `Er is geen pagina op ${event.url.pathname}.` };
	console.error(`[${event.locals.requestId ?? '-'}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: `Er ging iets mis bij het ophalen van de gegevens (foutcode ${event.locals.requestId ?? 'onbekend'}).` };
};
