import { mentionedHandles, withoutMentions } from './mentions';

it('finds @handles, lower-cased, once each, at most three', () => {
  expect(mentionedHandles('@Helper can you, and @bot_2, answer @helper?')).toEqual(['helper', 'bot_2']);
  expect(mentionedHandles('@aaa @bbb @ccc @ddd')).toEqual(['aaa', 'bbb', 'ccc']);
});

it('does not take an email address or a bare word for a mention', () => {
  expect(mentionedHandles('write to help@example.com or ask helper')).toEqual([]);
  expect(mentionedHandles('@@helper @ab')).toEqual([]);
});

it('strips mentions from the question', () => {
  expect(withoutMentions('@helper, when do you open?')).toBe('when do you open?');
  expect(withoutMentions('mail help@example.com @helper')).toBe('mail help@example.com');
});
