/**
 * Table 2 (§4.3.2): mean input data similarity (dataset similarity) and code match with the
 * previous graphlet, for pushed, unpushed and all graphlets that have a previous graphlet.
 */
import { availability, type PushSplit, type Table2 } from './corpus-statistics.ts';
import { NO_FEATURE_STATISTICS, NO_TRAINER } from './figure-3.ts';
import type { Collector } from './pipeline-context.ts';
import { NO_PAIRS } from './table-1.ts';

const NO_CODE_VERSION =
  'no Trainer carries a code_version property; real TFX stores do not record it';

/** A Split's sums and counts, as saved. */
interface SplitSums {
  readonly pushed: number;
  readonly pushedN: number;
  readonly unpushed: number;
  readonly unpushedN: number;
}

/** What table 2's collector saves: both splits, graphlets and pairs. */
interface Saved {
  readonly input: SplitSums;
  readonly code: SplitSums;
  readonly graphlets: number;
  readonly pairs: number;
}

class Split {
  pushed = 0;
  pushedN = 0;
  unpushed = 0;
  unpushedN = 0;

  add(value: number, pushed: boolean): void {
    if (pushed) {
      this.pushed += value;
      this.pushedN++;
    } else {
      this.unpushed += value;
      this.unpushedN++;
    }
  }

  save(): SplitSums {
    const { pushed, pushedN, unpushed, unpushedN } = this;
    return { pushed, pushedN, unpushed, unpushedN };
  }

  merge(saved: SplitSums): void {
    this.pushed += saved.pushed;
    this.pushedN += saved.pushedN;
    this.unpushed += saved.unpushed;
    this.unpushedN += saved.unpushedN;
  }

  finish(reason: string): PushSplit {
    const n = this.pushedN + this.unpushedN;
    return {
      ...availability(n > 0, reason),
      pushed: this.pushedN === 0 ? null : this.pushed / this.pushedN,
      unpushed: this.unpushedN === 0 ? null : this.unpushed / this.unpushedN,
      all: n === 0 ? null : (this.pushed + this.unpushed) / n,
      count: n,
    };
  }
}

/** Code match counts 1 when the trainer's code_version equals the previous trainer's, else 0. */
export function table2Collector(): Collector<Table2, Saved> {
  const input = new Split();
  const code = new Split();
  let graphlets = 0;
  let pairs = 0;
  return {
    add(p) {
      graphlets += p.graphlets.length;
      pairs += p.pairs.length;
      p.pairs.forEach((pair, i) => {
        const pushed = p.graphlets[i + 1]?.pushed === true;
        if (pair.dataset !== undefined) input.add(pair.dataset, pushed);
        if (pair.codeMatch !== undefined) code.add(pair.codeMatch ? 1 : 0, pushed);
      });
    },
    save: () => ({ input: input.save(), code: code.save(), graphlets, pairs }),
    merge(saved) {
      input.merge(saved.input);
      code.merge(saved.code);
      graphlets += saved.graphlets;
      pairs += saved.pairs;
    },
    finish() {
      const base = graphlets === 0 ? NO_TRAINER : pairs === 0 ? NO_PAIRS : undefined;
      const inputSimilarity = input.finish(base ?? NO_FEATURE_STATISTICS);
      const codeMatch = code.finish(base ?? NO_CODE_VERSION);
      const ok = inputSimilarity.available || codeMatch.available;
      return {
        ...availability(ok, base ?? `${inputSimilarity.reason}; ${codeMatch.reason}`),
        inputSimilarity,
        codeMatch,
      };
    },
  };
}
