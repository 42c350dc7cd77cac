// Who a request acts for, once authenticated (a leaf module: every auth step imports it, it imports none).
export interface AuthUser {
  id: string;
  email: string;
  familyId: string;
}
