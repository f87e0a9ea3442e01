import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { AgentInsightsQuery } from '../graphql/AgentInsights';
import { describeError, errorCode } from '../../../apollo/describeError';
import { Avatar } from '../../../ui/Avatar';
import { Notice, Spinner } from '../../../ui/Notice';
import { PeriodPicker, presetPeriod, type Period } from './PeriodPicker';
import { BusiestHoursChart, RepliesByOutcomeChart, ResponseTimesChart, duration } from './InsightsCharts';

/**
 * /agents/<id>/insights — what happened in the chats with one of my agents over a period
 * (agentInsights): the numbers, and charts of the busiest hours, replies by outcome and the
 * median time to answer. Loaded on its own (with the chart library) when first opened.
 */
export function AgentInsightsPage() {
  const { agentId = '' } = useParams();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('7d'));
  const { data, previousData, loading, error, refetch } = useQuery(AgentInsightsQuery, {
    variables: { agentId, from: period.from, to: period.to },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const agent = shown?.agent;
  const insights = shown?.agentInsights;

  if (error && !shown) {
    const missing = errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT';
    return (
      <div className="page insights-page">
        <p>
          <Link to="/agents">← My agents</Link>
        </p>
        <Notice action={missing ? undefined : <button type="button" className="button button-small" onClick={() => void refetch()}>Try again</button>}>
          {missing ? 'This agent does not exist, or it is not yours.' : describeError(error, 'The insights could not be loaded.')}
        </Notice>
      </div>
    );
  }

  const replies = insights?.replies.reduce((sum, r) => sum + r.count, 0) ?? 0;
  const stats: [string, string, string][] = insights
    ? [
        ['Conversations', String(insights.conversations), 'stat-conversations'],
        ['Messages', String(insights.messages), 'stat-messages'],
        ['People', String(insights.people), 'stat-people'],
        ['Replies', String(replies), 'stat-replies'],
        ['Median to first text', duration(insights.medianFirstTokenMs), 'stat-first-token'],
        ['Median to complete reply', duration(insights.medianReplyMs), 'stat-reply'],
        ['Takeovers', String(insights.takeovers), 'stat-takeovers'],
        ['/human requests', String(insights.humanRequests), 'stat-human'],
      ]
    : [];

  return (
    <div className="page insights-page">
      <p>
        <Link to="/agents">← My agents</Link>
      </p>
      <div className="page-header insights-header">
        {agent ? <Avatar name={agent.displayName} src={agent.avatarUrl} agent size={44} /> : null}
        <div>
          <h1>{agent ? `Insights: ${agent.displayName}` : 'Insights'}</h1>
          {agent ? (
            <p className="muted">
              @{agent.handle} · {agent.paused ? 'paused' : 'answering'} · {agent.responder === 'builtin' ? 'built-in responder' : agent.responder}
            </p>
          ) : null}
        </div>
      </div>
      <PeriodPicker period={period} onChange={setPeriod} />
      {loading && !shown ? <Spinner label="Loading insights" /> : null}
      {error && shown ? <Notice>{describeError(error, 'The insights could not be updated.')}</Notice> : null}
      {insights ? (
        <div aria-busy={loading} className={loading ? 'is-refreshing' : undefined}>
          <dl className="stat-grid" aria-label="Figures for the period">
            {stats.map(([label, value, testId]) => (
              <div className="stat" key={testId} data-testid={testId}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="chart-grid">
            <BusiestHoursChart insights={insights} />
            <RepliesByOutcomeChart insights={insights} />
            <ResponseTimesChart insights={insights} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
