import { useEffect } from 'react';
import { Link, NavLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { UnreadTotalQuery } from '../../conversations/graphql/UnreadTotal';
import { useSession } from '../../auth/hooks/useSession';
import { ChatIcon, SearchIcon } from '../../../ui/icons';
import { UnreadBadge } from '../../../ui/Notice';
import { ProfileMenu } from './ProfileMenu';

/** Brand, the chat icon with the unread total, and the profile menu (or sign-in links). */
export function TopBar() {
  const { viewer } = useSession();
  return (
    <header className="topbar">
      <Link to={viewer ? '/messages' : '/'} className="brand">
        <span className="brand-mark" aria-hidden="true">
          <ChatIcon size={18} />
        </span>
        Parley
      </Link>
      <nav className="topbar-nav" aria-label="Main">
        {viewer ? (
          <>
            <NavLink to="/search" className="icon-button" aria-label="Search messages" title="Search messages" data-testid="topbar-search">
              <SearchIcon size={20} />
            </NavLink>
            <MessagesLink />
            <ProfileMenu viewer={viewer} />
          </>
        ) : (
          <>
            <NavLink to="/login" className="button button-ghost">
              Sign in
            </NavLink>
            <NavLink to="/signup" className="button button-primary">
              Sign up
            </NavLink>
          </>
        )}
      </nav>
    </header>
  );
}

function MessagesLink() {
  const { data } = useQuery(UnreadTotalQuery, { fetchPolicy: 'cache-and-network' });
  const total = data?.unreadTotal ?? 0;
  useEffect(() => {
    document.title = total ? `(${total}) Parley` : 'Parley';
    return () => {
      document.title = 'Parley';
    };
  }, [total]);
  return (
    <NavLink to="/messages" className="topbar-chat icon-button" aria-label={total ? `Messages, ${total} unread` : 'Messages'} title="Messages" data-testid="topbar-messages">
      <ChatIcon size={22} />
      <UnreadBadge count={total} label={`${total} unread`} />
    </NavLink>
  );
}
