import EmojiPicker, { EmojiStyle } from 'emoji-picker-react';

/**
 * The full emoji picker (emoji-picker-react), loaded on first use as its own chunk. Native
 * emoji and the English data bundled in the package: it never asks another server for anything.
 */
export default function EmojiPickerPanel({ onPick }: { onPick(emoji: string): void }) {
  return (
    <EmojiPicker
      onEmojiClick={(data) => onPick(data.emoji)}
      emojiStyle={EmojiStyle.NATIVE}
      autoFocusSearch
      lazyLoadEmojis
      width="100%"
      height={360}
      previewConfig={{ showPreview: false }}
    />
  );
}
