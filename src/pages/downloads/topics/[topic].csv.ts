/** The figures of one topic, as all-figures.csv has them (src/lib/downloads/topic-files.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../../lib/data/dataset.ts';
import { figuresByTopic, topicCsv } from '../../../lib/downloads/topic-files.ts';

export const getStaticPaths = (() =>
  [...figuresByTopic(getDataset()).keys()].map((topic) => ({ params: { topic }, props: { topic } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: string }> = ({ props }) => {
  const records = figuresByTopic(getDataset()).get(props.topic) ?? [];
  return new Response(topicCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
