// The part of jstat (no bundled types) that the OJG interval uses.
declare module 'jstat' {
	interface JStat {
		studentt: {
			/** quantile of Student's t with `dof` degrees of freedom */
			inv(p: number, dof: number): number;
		};
	}
	const jStat: JStat;
	export default jStat;
}
