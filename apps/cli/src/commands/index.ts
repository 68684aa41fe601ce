import type { Command } from '../command.ts';
import { calibrateCommand } from './calibrate.ts';
import { demoCommand } from './demo.ts';
import { exportCommand } from './export.ts';
import { segmentCommand } from './segment.ts';
import { statsCommand } from './stats.ts';
import { synthCommand } from './synth.ts';
import { wasteCommand } from './waste.ts';

/** Every subcommand, in the order `help` lists them. Add one line per command. */
export const COMMANDS: readonly Command[] = [
  segmentCommand,
  statsCommand,
  exportCommand,
  wasteCommand,
  synthCommand,
  calibrateCommand,
  demoCommand,
];
