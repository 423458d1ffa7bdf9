// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/auth/types';

declare global {
	namespace App {
		// Set by hooks.server.ts for every request.
		interface Locals {
			requestId: string;
			/** The signed-in user; null only on the public routes (/login, static files). */
			user: SessionUser | null;
		}
		interface Error {
			message: string;
			/** The request id, to find the request in the server log. */
			errorId?: string;
		}
	}
}

export {};
