import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Container, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, fieldErrors } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { jDate } from '../../../../web/format.js';
import { PageSection } from '../../../../web/staff/case.js';
import { EmptyCard, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { QuestionItem } from '../../api-types.js';
import { jfa } from './fa-owner.js';
import { API, FestHeader, Sub } from './shared.js';

const t = jfa.questions;
const key = ['festival', 'questions'];

function AnswerForm({ item, onDone }: { item: QuestionItem; onDone: (q: QuestionItem) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setError(t.answerRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<QuestionItem>(`${API}/mine/questions/${item.id}/answer`, { answer: text.trim() }));
    } catch (err) {
      setError(fieldErrors(err).answer ?? errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="xs">
      <Textarea label={t.answerLabel} required autosize minRows={2} maxRows={8} maxLength={2000} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} data-testid="answer-text" />
      <Button type="submit" size="xs" w="fit-content" loading={busy} data-testid="answer-send">
          {t.send}
        </Button>
      </Stack>
    </form>
  );
}

function QuestionCard({ q, onAnswered }: { q: QuestionItem; onAnswered: (x: QuestionItem) => void }) {
  return (
    <Paper withBorder p="md" radius="md" component="li" data-testid="question">
      <Stack gap={6}>
        <Anchor href={`/showcase/${q.entryId}`} target="_blank" size="sm" fw={700}>
          {t.plan}: {q.entryTitle}
        </Anchor>
        <Sub>{t.asked(q.askedBy, jDate(q.askedAt))}</Sub>
        <Text size="sm" className="st-pre">
          {q.question}
        </Text>
        {q.answer ? (
          <Paper bg="gray.0" p="sm" radius="sm">
            <Text size="xs" c="dimmed">
              {t.answeredAt(jDate(q.answeredAt))}
            </Text>
            <Text size="sm" className="st-pre">
              {q.answer}
            </Text>
          </Paper>
        ) : q.canAnswer ? (
          <AnswerForm item={q} onDone={onAnswered} />
        ) : (
          <Badge variant="light" color="orange" c="orange.9" radius="sm" className="st-badge" w="fit-content">
            {t.waiting}
          </Badge>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * `/app/festival/questions`: a dehyari's questions and answers — what other dehyaris asked about his village's
 * selected plans (answer them; the answer shows on the public showcase) and what he asked of others, with answers.
 */
export default function Questions() {
  usePageTitle(t.title);
  const qc = useQueryClient();
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<{ items: QuestionItem[] }>(`${API}/mine/questions`, signal).then((r) => r.items) });
  const [notice, setNotice] = useState<string | null>(null);
  const answered = (x: QuestionItem) => {
    qc.setQueryData<QuestionItem[]>(key, (list) => list?.map((i) => (i.id === x.id ? x : i)));
    setNotice(t.sent);
  };

  return (
    <Container size="lg">
      <Stack gap="lg">
        <FestHeader title={t.title} />
        <Text size="sm">{t.intro}</Text>
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : (
          <>
            <PageSection id="to-me" title={t.toMe} testId="questions-to-me">
              {q.data.filter((i) => !i.mine).length === 0 ? (
                <EmptyCard>{t.noneToMe}</EmptyCard>
              ) : (
                <Stack gap="sm" component="ul" className="fs-plain">
                  {q.data
                    .filter((i) => !i.mine)
                    .map((i) => (
                      <QuestionCard key={i.id} q={i} onAnswered={answered} />
                    ))}
                </Stack>
              )}
            </PageSection>
            <PageSection id="mine" title={t.mine} testId="questions-mine">
              {q.data.filter((i) => i.mine).length === 0 ? (
                <EmptyCard>{t.noneMine}</EmptyCard>
              ) : (
                <Stack gap="sm" component="ul" className="fs-plain">
                  {q.data
                    .filter((i) => i.mine)
                    .map((i) => (
                      <QuestionCard key={i.id} q={i} onAnswered={answered} />
                    ))}
                </Stack>
              )}
            </PageSection>
          </>
        )}
      </Stack>
    </Container>
  );
}
