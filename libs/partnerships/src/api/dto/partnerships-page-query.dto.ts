// Partnerships' lists page as every list does: the kit's query.
export { MAX_PAGE_SIZE, PageQueryDto as PartnershipsPageQueryDto } from '@tadamon/nest-kit';
