import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { riskFactors, type RiskFactorRow } from './framework.store.js';

/** The Framework of Analysis catalogue, read from its tables (the Office re-keys it there). */
@Injectable()
export class FrameworkService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every risk factor with its indicators. */
  async framework(): Promise<{ factors: RiskFactorRow[] }> {
    return { factors: await riskFactors(this.db) };
  }
}
