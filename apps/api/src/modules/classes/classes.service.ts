import type { TClass } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth.types';
import { ClassesRepository } from './classes.repository';

@Injectable()
export class ClassesService {
  constructor(private readonly repository: ClassesRepository) {}

  /** A teacher's classes (an admin sees all; a student none: they never see class codes). */
  async list(auth: AuthContext): Promise<TClass[]> {
    switch (auth.user.role) {
      case 'admin':
        return this.repository.list(null);
      case 'teacher':
        return this.repository.list(auth.user.id);
      default:
        return [];
    }
  }
}
