import { exportResponse } from '$lib/server/export/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => exportResponse(params.name, url.searchParams);
