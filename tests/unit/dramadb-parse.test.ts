// The dramadb readers (scripts/index-builder/dramadb.ts) on the real Korean Wikipedia / Namuwiki rows they
// meet in ../shared/corpus/dramadb, and on the shapes that must NOT turn into a value.
import { describe, it, expect } from 'vitest';
import {
  loadDramadb,
  parseAirPeriod,
  parseCsv,
  parseCsvRecords,
  parseDays,
  parseEpisodeCount,
  parseSlot,
  normalizeTitle,
  type DramadbRow,
} from '../../scripts/index-builder/dramadb';

const slot = (text: string) => {
  const s = parseSlot(text);
  return s && `${s.days.join(',')} ${s.time}${s.afterMidnight ? ' (after midnight)' : ''}`;
};

describe('parseCsv', () => {
  it('reads quoted fields holding commas, newlines and doubled quotes', () => {
    const text = 'a,b,c\n1," x, y ","line 1\nline 2"\n2,"say ""hi""",\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', ' x, y ', 'line 1\nline 2'],
      ['2', 'say "hi"', ''],
    ]);
  });

  it('keeps a quote inside an unquoted field as data', () => {
    expect(parseCsv('a,b\nsay "x",2\n')).toEqual([
      ['a', 'b'],
      ['say "x"', '2'],
    ]);
  });

  it('rejects a file that ends inside a quoted field', () => {
    expect(() => parseCsv('a,b\n"open,2\n')).toThrow(/quoted field/);
  });

  it('parses every row of the three real tables with the header width', () => {
    for (const file of ['wikipedia.csv', 'namuwiki.csv', 'results.csv']) {
      const rows = loadDramadb().filter((r) => r.file === file);
      expect(rows.length, file).toBeGreaterThan(700);
    }
  });

  it('gives records keyed by the header (as the benchmark uses them)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { DRAMADB_DIR } = await import('../../scripts/index-builder/dramadb');
    const records = parseCsvRecords(readFileSync(join(DRAMADB_DIR, 'wikipedia.csv'), 'utf8'));
    const myMister = records.find((r) => normalizeTitle(r['제목']) === '나의아저씨');
    expect(myMister?.['방송 시간']?.trim()).toBe('수요일, 목요일 밤 (시간) 9시 30분');
  });
});

describe('parseAirPeriod', () => {
  it('reads a plain period', () => {
    expect(parseAirPeriod('2018년 3월 21일 ~ 2018년 5월 17일')).toEqual({
      premiere: '2018-03-21',
      finale: '2018-05-17',
    });
    expect(parseAirPeriod(' 2019년 7월 13일 ~2019년 9월 1일')).toEqual({
      premiere: '2019-07-13',
      finale: '2019-09-01',
    });
    expect(parseAirPeriod('2008년 9월 10일 - 2008년 11월 12일')).toEqual({
      premiere: '2008-09-10',
      finale: '2008-11-12',
    });
  });

  it('gives the end date without a year the start year (백일의 낭군님 on Namuwiki)', () => {
    expect(parseAirPeriod('  2018년 9월 10일 ~ 10월 30일 ')).toEqual({ premiere: '2018-09-10', finale: '2018-10-30' });
  });

  it('reads only the original run (본방) when a rerun is listed', () => {
    expect(
      parseAirPeriod(' 2016년 2월 24일 ~ 2016년 4월 14일(본방), 2017년 11월 3일 ~ 2017년 12월 23일 (재방)'),
    ).toEqual({ premiere: '2016-02-24', finale: '2016-04-14' });
    expect(
      parseAirPeriod('2009년 1월 5일 ~ 2009년 3월 31일(본방송)\n2009년 7월 20일 ~ 2009년 8월 21일\n(재방송)'),
    ).toEqual({
      premiere: '2009-01-05',
      finale: '2009-03-31',
    });
    expect(parseAirPeriod('2011년 6월 4일 ~ 2012년 4월 29일2016년 4월 18일 ~ 2016년 8월 31일(재방송)')).toEqual({
      premiere: '2011-06-04',
      finale: '2012-04-29',
    });
  });

  it('drops a finale that is only planned (예정) or still running', () => {
    expect(parseAirPeriod('ON AIR 2020년 1월 31일 ~ 2020년 3월 21일(예정) ')).toEqual({ premiere: '2020-01-31' });
    expect(parseAirPeriod('  2020년 3월 27일 ~ 2020년 5월 16일 (예정) ')).toEqual({ premiere: '2020-03-27' });
    expect(parseAirPeriod('2020년 3월 28일 ~ 현재')).toEqual({ premiere: '2020-03-28' });
    expect(parseAirPeriod('2020년 3월 27일 ~')).toEqual({ premiere: '2020-03-27' });
  });

  it('gives undefined when the text does not name one run with a full start date', () => {
    expect(parseAirPeriod('2020년 4월 ~ (예정)')).toBeUndefined();
    expect(parseAirPeriod('2020년 8월 예정')).toBeUndefined();
    expect(parseAirPeriod('본문 방송 기간 참조')).toBeUndefined();
    expect(parseAirPeriod('')).toBeUndefined();
    // two runs, neither marked as the original
    expect(parseAirPeriod('1971년 3월 6일 ~ 1984년 10월 18일\n1985년 5월 2일 ~ 1989년 10월 12일')).toBeUndefined();
    expect(
      parseAirPeriod('2016년 7월 2일 ~ 2016년 7월 31일 (웹드라마) \n 2016년 10월 22일 ~ 2016년 10월 30일 (TV판)'),
    ).toBeUndefined();
    // not a real date
    expect(parseAirPeriod('2019년 2월 30일 ~ 2019년 3월 1일')).toBeUndefined();
  });
});

describe('parseEpisodeCount', () => {
  it('reads the number of regular episodes', () => {
    expect(parseEpisodeCount('16부작')).toBe(16);
    expect(parseEpisodeCount('  16부작 ')).toBe(16);
    expect(parseEpisodeCount('16부작 + 스페셜 3부작 (전 19부작)')).toBe(16);
    expect(parseEpisodeCount('40부작 + 스페셜 2부작')).toBe(40);
    expect(parseEpisodeCount('21부작(본편) + 1부작(스페셜)')).toBe(21);
    expect(parseEpisodeCount('20부작본래 16부작으로 기획되었으나, 4부 연장되었다. + 스페셜 1부작')).toBe(20);
    expect(parseEpisodeCount('18부작, 특별판 3부작, 별전 1부작')).toBe(18);
    expect(parseEpisodeCount('20회')).toBe(20);
    expect(parseEpisodeCount('총 18화')).toBe(18);
    expect(parseEpisodeCount('총 44 부작')).toBe(44);
    expect(parseEpisodeCount('16부작 (본편)\n4부작 (번외편)')).toBe(16);
  });

  it('gives undefined for planned, unknown or changed counts', () => {
    expect(parseEpisodeCount('16부작(예정)')).toBeUndefined();
    expect(parseEpisodeCount('미정')).toBeUndefined();
    expect(parseEpisodeCount('부작')).toBeUndefined();
    expect(parseEpisodeCount('16화 → 4화')).toBeUndefined();
    expect(parseEpisodeCount('20부작 (웹드라마)\n4부작 (TV판)')).toBeUndefined();
    expect(
      parseEpisodeCount('http://news.chosun.com/site/data/html_dir/2018/11/22/2018112201902.html'),
    ).toBeUndefined();
    expect(parseEpisodeCount('{{단순목록')).toBeUndefined();
    expect(parseEpisodeCount('')).toBeUndefined();
  });
});

describe('parseDays', () => {
  it('reads lists, ranges and the words for weekdays and weekends', () => {
    expect(parseDays('매주 토요일, 일요일')).toEqual(['sat', 'sun']);
    expect(parseDays('금 · 토요일')).toEqual(['fri', 'sat']);
    expect(parseDays('월~화')).toEqual(['mon', 'tue']);
    expect(parseDays('월요일 ~ 금요일')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(parseDays('매주 월∼금요일')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(parseDays('월요일과 화요일')).toEqual(['mon', 'tue']);
    expect(parseDays('수요일 & 목요일')).toEqual(['wed', 'thu']);
    expect(parseDays('매주 평일')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(parseDays('주말')).toEqual(['sat', 'sun']);
    expect(parseDays('매주 월{{,}}화요일')).toEqual(['mon', 'tue']);
  });

  it('gives undefined for anything that is not only days', () => {
    expect(parseDays('SBS 월화 드라마')).toBeUndefined();
    expect(parseDays('Mnet,tvN 금요일')).toBeUndefined();
    expect(parseDays('')).toBeUndefined();
    expect(parseDays('금~월')).toBeUndefined();
  });
});

describe('parseSlot', () => {
  it('reads the slot phrasings the tables use (real rows)', () => {
    expect(slot('매주 토요일, 일요일 밤 9시')).toBe('sat,sun 21:00');
    expect(slot('수요일, 목요일 밤 (시간) 9시 30분')).toBe('wed,thu 21:30'); // 나의 아저씨, wikipedia.csv
    expect(slot('월~화 오후 9시 50분')).toBe('mon,tue 21:50');
    expect(slot('매주 금 · 토요일 밤 8시')).toBe('fri,sat 20:00'); // 도깨비, wikipedia.csv
    expect(slot('매주 금 · 토요일 저녁 7시 50분')).toBe('fri,sat 19:50'); // 응답하라 1988, wikipedia.csv
    expect(slot('  월요일, 화요일 오후 10:00 ~ 11:10 ')).toBe('mon,tue 22:00');
    expect(slot('매주 수요일, 목요일 밤 10:00 ~ 11:10 (2회 연속방송)')).toBe('wed,thu 22:00');
    expect(slot('매주 토요일, 일요일 밤 9시 10분 ~ 10시 40분(90분)')).toBe('sat,sun 21:10');
    expect(slot(' 매주 금요일, 토요일 오후 8시 ~ 9시 15분 (회당 65 ~ 90분) ')).toBe('fri,sat 20:00');
    expect(slot('금요일, 토요일 밤 (시간) 11시 ~ 12시 20분')).toBe('fri,sat 23:00'); // SKY 캐슬
    expect(slot('매주 금요일, 토요일 밤 10시 50분 ~ 12시 30분')).toBe('fri,sat 22:50'); // 이태원 클라쓰
    expect(slot('금, 토 오후 10:50 ~')).toBe('fri,sat 22:50');
    expect(slot('매주 목요일 밤 9:00 ~ 10:30')).toBe('thu 21:00');
    expect(slot('월, 화 21:00~22:00 ')).toBe('mon,tue 21:00');
    expect(slot('매주 월 · 화요일 밤 21시 50분')).toBe('mon,tue 21:50');
    expect(slot('월요일 ~ 금요일 오전 9시 ~ 9시 40분')).toBe('mon,tue,wed,thu,fri 09:00');
    expect(slot('매주 평일 저녁 7:15 ~ 7:55')).toBe('mon,tue,wed,thu,fri 19:15');
    expect(slot('수요일, 목요일 오후10시 ~ 오후 11시 15분')).toBe('wed,thu 22:00');
    expect(slot('(수, 목) 오후 08:45~')).toBe('wed,thu 20:45');
  });

  it('reads 밤 12시 as midnight after the named evening', () => {
    expect(slot('금요일 밤 12시')).toBe('sat 00:00 (after midnight)');
    expect(parseSlot('매주 금요일 밤 12:00')?.statedDays).toEqual(['fri']);
    expect(slot('토요일 새벽 1시')).toBe('sat 01:00');
  });

  it('reads the original run (본방) and one line per day with the same start', () => {
    expect(slot('매주 토 · 일요일 밤 8시 (본방)매주 월~금요일 오전 8시 10분 (재방송)')).toBe('sat,sun 20:00');
    expect(slot('월요일, 화요일 밤 9시 55분 (본방)\n금요일 낮 12시 35분 (재방)')).toBe('mon,tue 21:55');
    expect(slot('매주 토요일 밤 9시 10분 ~ 10시 35분\n매주 일요일 밤 9시 10분 ~ 10시 32분')).toBe('sat,sun 21:10');
  });

  it('gives undefined rather than guess', () => {
    // no morning/evening word: 9:55 could be either
    expect(parseSlot('9시 55분')).toBeUndefined();
    expect(parseSlot('수요일, 목요일 09:55 ~ 11:05 ')).toBeUndefined();
    expect(parseSlot('매주 월 · 화요일 9시 50분')).toBeUndefined();
    // no days
    expect(parseSlot('밤 9시 30분 ~ 10시 50분')).toBeUndefined(); // 김비서가 왜 그럴까, wikipedia.csv
    // a slot named but not timed
    expect(parseSlot('월요일, 화요일 밤 (시간) 한국방송공사 월화 미니시리즈')).toBeUndefined(); // 드림하이
    expect(parseSlot('미정')).toBeUndefined();
    // the slot moved during the run
    expect(
      parseSlot('매주 금요일, 토요일 밤 (시간) 8시 40분 (1회 ~ 14회)  매주 금요일, 토요일 밤 8시 30분 (15회 ~ 16회)'),
    ).toBeUndefined();
    expect(parseSlot('토요일,일요일 밤 10시 10분 → 9시 30분')).toBeUndefined();
    expect(
      parseSlot('목요일, 금요일 밤 (시간) 9시 45분 ~ 10시 35분\n수요일, 목요일 밤 (시간) 9시 45분 ~ 10시 35분'),
    ).toBeUndefined();
    // two different starts
    expect(parseSlot('금요일 오후 10시 45분, 토요일 오후 11시')).toBeUndefined();
    expect(parseSlot('월, 화 13:00 ~ 14:00, 21:00 ~ 22:00 ')).toBeUndefined();
    expect(parseSlot('토요일 밤 10시 50분\n일요일 밤 10시 40분')).toBeUndefined();
    // a rerun with no original run named
    expect(parseSlot('금요일 밤 8시 50분 \n MBC 지상파 재방송 : 월요일 오후 5시 15분')).toBeUndefined();
    // impossible clock
    expect(parseSlot('월요일 오전 15시')).toBeUndefined();
  });
});

describe('the tables as loaded', () => {
  const rows = loadDramadb();
  const find = (file: DramadbRow['file'], title: string) => rows.find((r) => r.file === file && r.title === title);

  it('parses the rows the cross-check relies on', () => {
    const myMister = find('wikipedia.csv', '나의아저씨')!;
    expect(myMister.period).toEqual({ premiere: '2018-03-21', finale: '2018-05-17' });
    expect(myMister.episodes).toBe(16);
    expect(myMister.slot?.days).toEqual(['wed', 'thu']);
    expect(myMister.slot?.time).toBe('21:30');

    const prince = find('namuwiki.csv', '백일의낭군님')!;
    expect(prince.period).toEqual({ premiere: '2018-09-10', finale: '2018-10-30' });
    expect(prince.slot && `${prince.slot.days.join(',')} ${prince.slot.time}`).toBe('mon,tue 21:30');

    const sun = find('wikipedia.csv', '태양의후예')!;
    expect(sun.period).toEqual({ premiere: '2016-02-24', finale: '2016-04-14' });
    expect(sun.episodes).toBe(16);

    const married = find('wikipedia.csv', '부부의세계')!;
    expect(married.period).toEqual({ premiere: '2020-03-27' }); // written before the finale aired
  });

  it('records where each row starts in its file', () => {
    const reply = find('wikipedia.csv', '응답하라1988')!;
    expect(reply.line).toBe(472);
    expect(find('namuwiki.csv', '응답하라1988')!.line).toBe(35);
  });

  it('turns most slot texts into a value and leaves the rest undefined', () => {
    const withSlot = rows.filter((r) => r.slotText);
    const parsed = withSlot.filter((r) => r.slot);
    expect(parsed.length / withSlot.length).toBeGreaterThan(0.85);
    for (const r of parsed) {
      expect(r.slot!.days.length).toBeGreaterThan(0);
      expect(r.slot!.time).toMatch(/^(?:[01]\d|2[0-3]):[0-5]\d$/);
    }
  });
});
