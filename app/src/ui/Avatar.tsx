import { useState } from 'react';
import { ComputerIcon, GroupIcon } from './icons';

interface AvatarProps {
  name: string;
  src?: string | null;
  size?: number;
  /** Agent chats: a purple badge holding a computer icon on the avatar. */
  agent?: boolean;
  /** Group chats: a badge holding a two-people icon. */
  group?: boolean;
}

const PALETTE = ['#2563eb', '#059669', '#d97706', '#dc2626', '#0891b2', '#4f46e5', '#be185d', '#65a30d'];

function colorFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

function initials(name: string): string {
  const words = name.replace(/^@/, '').split(/[\s_]+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/**
 * A picture, or initials on a colour of the name when there is none or it fails to load
 * (an avatar URL is someone's link, which may be gone or unreachable offline).
 */
export function Avatar({ name, src, size = 40, agent = false, group = false }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const showImage = Boolean(src) && !failed;
  return (
    <span className="avatar" style={{ width: size, height: size, fontSize: Math.round(size * 0.38) }} data-agent={agent || undefined}>
      {showImage ? (
        <img src={src!} alt="" width={size} height={size} referrerPolicy="no-referrer" loading="lazy" onError={() => setFailed(true)} />
      ) : (
        <span className="avatar-initials" style={{ background: colorFor(name) }} aria-hidden="true">
          {initials(name)}
        </span>
      )}
      {agent ? (
        <span className="avatar-agent-badge" title="Agent chat" data-testid="agent-badge">
          <ComputerIcon size={Math.max(10, Math.round(size * 0.3))} title="Agent" />
        </span>
      ) : null}
      {group ? (
        <span className="avatar-group-badge" title="Group chat" data-testid="group-badge">
          <GroupIcon size={Math.max(10, Math.round(size * 0.3))} title="Group" />
        </span>
      ) : null}
    </span>
  );
}
