/** Every Chinese page of the fixture site in Chromium at 360 px, axe on the largest of each route (crawl.ts). */
import { crawlFixtureEdition } from './crawl.ts';

crawlFixtureEdition('zh');
