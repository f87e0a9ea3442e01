import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ProfileFieldsFragment } from '../../../gql/graphql';
import { useSession } from '../../auth/hooks/useSession';
import { Avatar } from '../../../ui/Avatar';
import { ChevronDownIcon } from '../../../ui/icons';
import { personName } from '../../../ui/format';

/**
 * The profile dropdown: a menu button (WAI-ARIA menu pattern) with Messages, My agents,
 * My profile and Sign out. Arrow keys move, Escape closes and returns focus to the button.
 */
export function ProfileMenu({ viewer }: { viewer: ProfileFieldsFragment }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const { signOut } = useSession();

  const items: { label: string; action: () => void }[] = [
    { label: 'Messages', action: () => navigate('/messages') },
    { label: 'My agents', action: () => navigate('/agents') },
    { label: 'My profile', action: () => navigate(`/u/${viewer.handle}`) },
    { label: 'Sign out', action: () => signOut() },
  ];

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const elements = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = elements.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown') elements[(index + 1) % elements.length]?.focus();
    else if (event.key === 'ArrowUp') elements[(index - 1 + elements.length) % elements.length]?.focus();
    else if (event.key === 'Home') elements[0]?.focus();
    else if (event.key === 'End') elements[elements.length - 1]?.focus();
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    event.preventDefault();
  };

  return (
    <div className="menu">
      <button
        ref={buttonRef}
        type="button"
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account menu for ${personName(viewer)}`}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Avatar name={personName(viewer)} src={viewer.avatarUrl} size={30} />
        <span className="menu-button-name">{personName(viewer)}</span>
        <ChevronDownIcon size={16} />
      </button>
      {open ? (
        <div ref={menuRef} id={menuId} role="menu" aria-label="Account" className="menu-list" onKeyDown={onMenuKey}>
          <div className="menu-caption" role="presentation">
            Signed in as <strong>@{viewer.handle}</strong>
          </div>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => {
                close(false);
                item.action();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
