import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { AgentKnowledgeFieldsFragment } from '../../../gql/graphql';
import { AgentKnowledgeQuery } from '../graphql/AgentKnowledge';
import { AddAgentKnowledgeMutation } from '../graphql/AddAgentKnowledge';
import { UpdateAgentKnowledgeMutation } from '../graphql/UpdateAgentKnowledge';
import { DeleteAgentKnowledgeMutation } from '../graphql/DeleteAgentKnowledge';
import { describeError } from '../../../apollo/describeError';
import { Notice, Spinner } from '../../../ui/Notice';

const TITLE_MAX = 200;
const BODY_MAX = 8000;

function checkNote(title: string, body: string): string | null {
  if (!title) return 'Give the note a title or a question.';
  if (title.length > TITLE_MAX) return `A title is at most ${TITLE_MAX} characters.`;
  if (!body) return 'Write the note itself.';
  if (body.length > BODY_MAX) return `A note is at most ${BODY_MAX} characters.`;
  return null;
}

/**
 * The notes an agent answers from (Agent.knowledge, only its owner sees them): the built-in
 * responder quotes the note that best matches a question, a model is given the best matches.
 * List, add, edit in place, delete.
 */
export function KnowledgeEditor({ agent, onDone }: { agent: { id: string; displayName: string }; onDone(): void }) {
  const { data, loading, error, refetch } = useQuery(AgentKnowledgeQuery, { variables: { id: agent.id } });
  const notes = data?.agent?.knowledge ?? [];
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section className="agent-panel" aria-label={`Notes of ${agent.displayName}`} data-testid="knowledge-editor">
      <h3>Notes {data ? <span className="muted">({notes.length})</span> : null}</h3>
      <p className="field-hint">
        {agent.displayName} answers from these. With no model on the server, the built-in responder quotes the note that best
        matches a question, and says so honestly when none does. Only you see them.
      </p>
      {loading && !data ? <Spinner label="Loading notes" /> : null}
      {error && !data ? (
        <Notice action={<button type="button" className="button button-small" onClick={() => void refetch()}>Try again</button>}>
          {describeError(error, 'The notes could not be loaded.')}
        </Notice>
      ) : null}
      {data && notes.length === 0 ? <p className="muted">No notes yet.</p> : null}
      <ul className="knowledge-list" aria-label="Notes">
        {notes.map((note) =>
          editing === note.id ? (
            <li key={note.id} className="knowledge-item">
              <NoteForm agentId={agent.id} note={note} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <NoteItem key={note.id} note={note} agentId={agent.id} onEdit={() => setEditing(note.id)} />
          ),
        )}
      </ul>
      <NoteForm agentId={agent.id} onDone={() => undefined} />
      <div className="form-actions form-actions-start">
        <button type="button" className="button button-ghost button-small" onClick={onDone}>
          Close notes
        </button>
      </div>
    </section>
  );
}

function NoteItem({ note, agentId, onEdit }: { note: AgentKnowledgeFieldsFragment; agentId: string; onEdit(): void }) {
  const [remove, { loading }] = useMutation(DeleteAgentKnowledgeMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const del = async () => {
    if (!window.confirm(`Delete the note “${note.title}”?`)) return;
    setProblem(null);
    try {
      await remove({
        variables: { id: note.id },
        update: (cache) => {
          cache.updateQuery({ query: AgentKnowledgeQuery, variables: { id: agentId } }, (current) =>
            current?.agent?.knowledge ? { agent: { ...current.agent, knowledge: current.agent.knowledge.filter((n) => n.id !== note.id) } } : current,
          );
          cache.evict({ id: cache.identify({ __typename: 'AgentKnowledgeEntry', id: note.id }) });
        },
      });
    } catch (error) {
      setProblem(describeError(error, 'The note could not be deleted.'));
    }
  };
  return (
    <li className="knowledge-item" data-testid="knowledge-note">
      <h4>{note.title}</h4>
      <p className="knowledge-body">{note.body}</p>
      {problem ? <Notice>{problem}</Notice> : null}
      <div className="form-actions form-actions-start">
        <button type="button" className="button button-small" onClick={onEdit} aria-label={`Edit note ${note.title}`}>
          Edit
        </button>
        <button type="button" className="button button-danger button-small" onClick={() => void del()} disabled={loading} aria-label={`Delete note ${note.title}`}>
          Delete
        </button>
      </div>
    </li>
  );
}

/** Adds a note (no `note`) or edits one in place. */
function NoteForm({ agentId, note, onDone }: { agentId: string; note?: AgentKnowledgeFieldsFragment; onDone(): void }) {
  const ids = { title: useId(), body: useId() };
  const [title, setTitle] = useState(note?.title ?? '');
  const [body, setBody] = useState(note?.body ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [add, addState] = useMutation(AddAgentKnowledgeMutation);
  const [update, updateState] = useMutation(UpdateAgentKnowledgeMutation);
  const busy = addState.loading || updateState.loading;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const cleanTitle = title.trim();
    const cleanBody = body.trim();
    const wrong = checkNote(cleanTitle, cleanBody);
    if (wrong) return setProblem(wrong);
    try {
      if (note) {
        await update({ variables: { input: { id: note.id, title: cleanTitle, body: cleanBody } } });
      } else {
        await add({
          variables: { input: { agentId, title: cleanTitle, body: cleanBody } },
          update: (cache, { data }) => {
            const added = data?.addAgentKnowledge;
            if (!added) return;
            cache.updateQuery({ query: AgentKnowledgeQuery, variables: { id: agentId } }, (current) =>
              current?.agent?.knowledge
                ? { agent: { ...current.agent, knowledge: [...current.agent.knowledge.filter((n) => n.id !== added.id), added] } }
                : current,
            );
          },
        });
        setTitle('');
        setBody('');
      }
      onDone();
    } catch (error) {
      setProblem(describeError(error, 'The note could not be saved.'));
    }
  };

  return (
    <form className={note ? 'note-form' : 'note-form note-form-new'} onSubmit={submit} noValidate aria-label={note ? `Edit note ${note.title}` : 'Add a note'}>
      {note ? null : <h4>Add a note</h4>}
      <div className="field">
        <label htmlFor={ids.title}>Title or question</label>
        <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={TITLE_MAX} placeholder="e.g. Opening hours" />
      </div>
      <div className="field">
        <label htmlFor={ids.body}>Note</label>
        <textarea id={ids.body} rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={BODY_MAX} placeholder="What the agent should answer with." />
      </div>
      {problem ? <Notice>{problem}</Notice> : null}
      <div className="form-actions form-actions-start">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {busy ? 'Saving…' : note ? 'Save note' : 'Add note'}
        </button>
        {note ? (
          <button type="button" className="button button-ghost button-small" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
