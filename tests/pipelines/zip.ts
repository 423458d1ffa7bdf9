// A minimal zip writer for the limit tests: it writes whatever sizes it is told into the directory,
// so a test can build a workbook whose sheet inflates far (a "zip bomb") or whose directory lies
// about it, in well under a second and without holding the inflated sheet in memory.

import zlib from 'node:zlib';
import JSZip from 'jszip';

export interface ZipPart {
	name: string;
	/** Deflated content. */
	compressed: Buffer;
	/** The real inflated size. */
	size: number;
	/** What the directory says the inflated size is (default: the real one). */
	declaredSize?: number;
	/** CRC-32 of the inflated content; 0 when unknown (nothing here checks CRCs before refusing). */
	crc?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

export function crc32(data: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

export function deflatedPart(name: string, content: Buffer): ZipPart {
	return { name, compressed: zlib.deflateRawSync(content), size: content.length, crc: crc32(content) };
}

/** `chunk` repeated until at least `size` bytes, deflated as a stream (never held inflated). */
export async function repeatedPart(name: string, head: string, chunk: string, tail: string, size: number): Promise<ZipPart> {
	const deflate = zlib.createDeflateRaw({ level: 9 });
	const out: Buffer[] = [];
	deflate.on('data', (c: Buffer) => out.push(c));
	const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
	const unit = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))));
	let written = 0;
	const write = (b: Buffer) => {
		deflate.write(b);
		written += b.length;
	};
	write(Buffer.from(head));
	while (written < size) write(unit);
	write(Buffer.from(tail));
	deflate.end();
	await done;
	return { name, compressed: Buffer.concat(out), size: written };
}

/** The parts of an existing zip (a workbook written by exceljs), deflated again as they are. */
export async function partsOf(zipBytes: Uint8Array): Promise<ZipPart[]> {
	const zip = await JSZip.loadAsync(zipBytes);
	const parts: ZipPart[] = [];
	for (const f of Object.values(zip.files)) {
		if (f.dir) continue;
		parts.push(deflatedPart(f.name, await f.async('nodebuffer')));
	}
	return parts;
}

export function writeZip(parts: readonly ZipPart[]): Buffer {
	const chunks: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const p of parts) {
		const name = Buffer.from(p.name, 'utf8');
		const declared = p.declaredSize ?? p.size;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt16LE(0, 10); // time
		local.writeUInt16LE(0x21, 12); // 1980-01-01
		local.writeUInt32LE(p.crc ?? 0, 14);
		local.writeUInt32LE(p.compressed.length, 18);
		local.writeUInt32LE(declared, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		chunks.push(local, name, p.compressed);

		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4); // made by
		entry.writeUInt16LE(20, 6); // needed
		entry.writeUInt16LE(0x0800, 8);
		entry.writeUInt16LE(8, 10);
		entry.writeUInt16LE(0, 12);
		entry.writeUInt16LE(0x21, 14);
		entry.writeUInt32LE(p.crc ?? 0, 16);
		entry.writeUInt32LE(p.compressed.length, 20);
		entry.writeUInt32LE(declared, 24);
		entry.writeUInt16LE(name.length, 28);
		// extra, comment, disk, internal and external attributes: 0
		entry.writeUInt32LE(offset, 42);
		central.push(entry, name);
		offset += local.length + name.length + p.compressed.length;
	}
	const cd = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...chunks, cd, end]);
}
