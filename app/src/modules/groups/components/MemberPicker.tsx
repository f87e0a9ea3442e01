import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { SearchProfilesQuery } from '../../profiles/graphql/SearchProfiles';
import type { ProfileFieldsFragment } from '../../../gql/graphql';
import { CloseIcon } from '../../../ui/icons';
import { ProfileOptions } from '../../../ui/ProfileOptions';
import { useDebounced } from '../../../ui/useDebounced';
import { personName } from '../../../ui/format';

/**
 * Choose several people: a combobox over searchProfiles (the same search as the new-chat
 * modal), the chosen ones shown as removable chips. `exclude`: people who cannot be picked
 * (yourself, members already in the group).
 */
export function MemberPicker({ chosen, onChange, exclude, label = 'Add people' }: { chosen: ProfileFieldsFragment[]; onChange(next: ProfileFieldsFragment[]): void; exclude: string[]; label?: string }) {
  const ids = { input: useId(), list: useId() };
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(text.trim().replace(/^@/, '').toLowerCase(), 200);
  const suggestions = useQuery(SearchProfilesQuery, { variables: { query, first: 8 }, skip: query.length < 1, fetchPolicy: 'cache-first' });
  const taken = new Set([...exclude, ...chosen.map((p) => p.userId)]);
  const options = (query ? (suggestions.data?.searchProfiles ?? []) : []).filter((p) => !taken.has(p.userId));

  const pick = (profile: ProfileFieldsFragment) => {
    onChange([...chosen, profile]);
    setText('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Backspace' && !text && chosen.length) {
      onChange(chosen.slice(0, -1));
      return;
    }
    if (!options.length) return;
    if (event.key === 'ArrowDown') setActive((i) => (i + 1) % options.length);
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    else if (event.key === 'Enter' && active >= 0) pick(options[active]);
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const showList = open && options.length > 0;
  return (
    <div className="field combobox">
      <label htmlFor={ids.input}>{label}</label>
      <input
        id={ids.input}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={ids.list}
        aria-activedescendant={showList && active >= 0 ? `${ids.list}-${active}` : undefined}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="Search by handle or name"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        data-testid="member-search"
      />
      <ProfileOptions listId={ids.list} label="People" options={options} active={active} hidden={!showList} onPick={pick} optionTestId="member-option" />
      {chosen.length ? (
        <ul className="chip-list" aria-label="Chosen people" data-testid="chosen-members">
          {chosen.map((profile) => (
            <li key={profile.userId} className="chip">
              {personName(profile)}
              <button type="button" aria-label={`Remove ${personName(profile)}`} onClick={() => onChange(chosen.filter((p) => p.userId !== profile.userId))}>
                <CloseIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
