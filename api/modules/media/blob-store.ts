import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaConfig } from '../../shared/config';

/** A byte range, both ends inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Where attachment bytes live. Keys are ours (attachments/<uuid>[-thumb]), never a client's. */
export interface BlobStore {
  readonly kind: 'local' | 's3';
  put(key: string, body: Readable | Buffer, contentType: string, size: number): Promise<void>;
  /** The bytes (or a range of them); null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  /** Missing keys are not an error: deleting twice is fine. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`not a blob key: ${key}`);
  return key;
}

/** A folder on this machine (one node, or a shared file system). */
export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;
  constructor(private readonly root: string) {}

  private path(key: string): string {
    return join(this.root, checkKey(key));
  }

  async put(key: string, body: Readable | Buffer, _contentType: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Written under a temporary name and renamed, so a reader never sees half a file.
    const partial = `${path}.partial`;
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    const path = this.path(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

/**
 * Any S3-compatible store (AWS S3, MinIO, Cloudflare R2, ...) through the AWS SDK v3 client.
 * Loaded only when configured, so local deployments never load the SDK.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly sdk = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  private readonly client: import('@aws-sdk/client-s3').S3Client;

  constructor(private readonly settings: MediaConfig['s3']) {
    this.client = new this.sdk.S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
      // Checksums only where S3 requires them: several S3-compatible stores reject the newer default trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(key: string): string {
    return `${this.settings.prefix}${checkKey(key)}`;
  }

  async put(key: string, body: Readable | Buffer, contentType: string, size: number): Promise<void> {
    await this.client.send(
      new this.sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key), Body: body, ContentType: contentType, ContentLength: size }),
    );
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    try {
      const result = await this.client.send(
        new this.sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return result.Body as Readable;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
  }

  destroy(): void {
    this.client.destroy();
  }
}

export function createBlobStore(config: MediaConfig): BlobStore {
  return config.storage === 's3' ? new S3BlobStore(config.s3) : new LocalBlobStore(config.localDir);
}
