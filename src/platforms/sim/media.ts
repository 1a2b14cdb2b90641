// Pictures attached in the simulator. WeCom and DingTalk hand us a media id to download later;
// the simulator plays the platform's media server: the picture is stored under
// DATA_DIR/media/sim/ and the message carries only its generated id.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MAX_IMAGE_BYTES = 512 * 1024;

const types: { ext: string; mime: string; magic: (b: Buffer) => boolean }[] = [
  {
    ext: 'png',
    mime: 'image/png',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { ext: 'jpg', mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'gif', mime: 'image/gif', magic: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    ext: 'webp',
    mime: 'image/webp',
    magic: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** `sim-<32 hex>.<ext>`: nothing a caller sends ever becomes part of a path. */
const MEDIA_ID = /^sim-[0-9a-f]{32}\.(png|jpg|gif|webp)$/;

export const mediaDir = (dataDir: string) => join(dataDir, 'media', 'sim');

export type StoreImageResult =
  | { ok: true; mediaId: string }
  | { ok: false; reason: 'too_large' | 'not_an_image' };

/** Store one picture (bytes decoded from the page's base64). */
export async function storeImage(dataDir: string, bytes: Buffer): Promise<StoreImageResult> {
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'too_large' };
  const type = types.find((t) => t.magic(bytes));
  if (!type) return { ok: false, reason: 'not_an_image' };
  const mediaId = `sim-${randomBytes(16).toString('hex')}.${type.ext}`;
  const dir = mediaDir(dataDir);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, mediaId), bytes, { flag: 'wx' });
  return { ok: true, mediaId };
}

/** A stored picture and its type, or undefined for an id that is malformed or unknown. */
export async function loadImage(
  dataDir: string,
  mediaId: string,
): Promise<{ bytes: Buffer; mime: string } | undefined> {
  if (!MEDIA_ID.test(mediaId)) return undefined;
  const ext = mediaId.slice(mediaId.lastIndexOf('.') + 1);
  try {
    const bytes = await readFile(join(mediaDir(dataDir), mediaId));
    return { bytes, mime: types.find((t) => t.ext === ext)!.mime };
  } catch {
    return undefined;
  }
}
