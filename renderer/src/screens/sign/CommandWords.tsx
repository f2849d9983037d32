import { Fragment, memo } from 'react';

/**
 * A command with each word unbreakable: lines wrap at the spaces between words only, never at a
 * hyphen inside "X-Auth-Signature" or in a signature. The text (and a copy of it) is unchanged.
 */
export const CommandWords = memo(function CommandWords({ text }: { text: string }) {
  return (
    <>
      {text.split(' ').map((word, index) => (
        <Fragment key={index}>
          {index > 0 && ' '}
          <span className="command-word">{word}</span>
        </Fragment>
      ))}
    </>
  );
});
