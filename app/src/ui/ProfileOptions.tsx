import type { ProfileFieldsFragment } from '../gql/graphql';
import { Avatar } from './Avatar';
import { personName } from './format';

/**
 * The suggestion list of a people combobox (the new-chat handle field, the group member
 * picker): avatar, name and handle per option, `active` marked for aria-activedescendant
 * (`<listId>-<index>`). Mouse-down does not take focus from the input, so a click picks.
 */
export function ProfileOptions({
  listId,
  label,
  options,
  active,
  hidden,
  onPick,
  optionTestId,
}: {
  listId: string;
  label: string;
  options: ProfileFieldsFragment[];
  active: number;
  hidden: boolean;
  onPick(profile: ProfileFieldsFragment): void;
  optionTestId?: string;
}) {
  return (
    <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={hidden}>
      {options.map((profile, index) => (
        <li
          key={profile.userId}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'is-active' : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(profile)}
          data-testid={optionTestId}
        >
          <Avatar name={personName(profile)} src={profile.avatarUrl} size={28} />
          <span>
            <strong>{personName(profile)}</strong> <span className="muted">@{profile.handle}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
