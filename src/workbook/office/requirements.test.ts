import { MIN_EXCEL_API, isExcelApiSupported, requirementsMet } from './requirements';

const g = globalThis as { Office?: unknown };

afterEach(() => {
  delete g.Office;
});

test('outside Office (no global) the requirements are not met, without throwing', () => {
  expect(MIN_EXCEL_API).toBe('1.9');
  expect(requirementsMet()).toBe(false);
});

test('asks the host for ExcelApi 1.9', () => {
  const asked: [string, string | undefined][] = [];
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          asked.push([name, version]);
          return version === '1.9' || version === '1.4';
        },
      },
    },
  };
  expect(requirementsMet()).toBe(true);
  expect(isExcelApiSupported('1.12')).toBe(false);
  expect(asked).toEqual([
    ['ExcelApi', '1.9'],
    ['ExcelApi', '1.12'],
  ]);
});

test('a host that cannot answer counts as not supported', () => {
  g.Office = { context: {} };
  expect(requirementsMet()).toBe(false);
  g.Office = {
    context: {
      requirements: {
        isSetSupported: () => {
          throw new Error('not ready');
        },
      },
    },
  };
  expect(requirementsMet()).toBe(false);
});
