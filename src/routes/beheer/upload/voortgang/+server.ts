// Progress of the signed-in beheerder's running check or load, polled by the upload page while its
// form post waits: { running, action, files: [{ file, dataset, phase, done, total }] }; before the
// run has started (the files are still on their way) { running: false, action: null, files: [] }.
import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { readProgress } from '$lib/server/upload/progress';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => {
	const user = requireRole(locals, 'beheerder');
	const progress = readProgress(url.searchParams.get('token'), user.gebruikersnaam) ?? { running: false, action: null, files: [] };
	return json(progress, { headers: { 'cache-control': 'no-store' } });
};
