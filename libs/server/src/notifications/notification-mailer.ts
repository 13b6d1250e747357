import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** One message, already composed. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends notification e-mail through SMTP_URL. Without it there is no transport: `enabled` is false
 * and the jobs leave notifications alone, so configuring SMTP later still finds them (up to a week).
 */
@Injectable()
export class NotificationMailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;
  /** Where links in e-mail point, without a trailing slash. */
  readonly publicUrl: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport({
          url: config.SMTP_URL,
          // The job runs every minute: a dead server must fail a send quickly, not after minutes.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
    this.publicUrl = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(
      /\/+$/,
      '',
    );
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; rejects when the server refuses it or cannot be reached. */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) return;
    await this.transport.sendMail({ from: this.config.SMTP_FROM, ...mail });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
