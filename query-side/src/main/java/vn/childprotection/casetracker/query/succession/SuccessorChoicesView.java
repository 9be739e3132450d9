package vn.childprotection.casetracker.query.succession;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of the split-unit work list (<i>hồ sơ chờ chọn đơn vị kế thừa</i>).
 *
 * @param today      the Vietnam day the list was made for (a commune that ended before it has ceased)
 * @param area       the area of the coordinator the list is for (org unit code), or null when none
 * @param items      the cases of this page, oldest report first
 * @param page       the page number, from 0
 * @param size       the page size asked for
 * @param totalItems how many cases wait in all
 * @param totalPages how many pages
 */
@Schema(name = "SuccessorChoices", description = "Cases of split communes waiting for their successor to be chosen")
public record SuccessorChoicesView(LocalDate today, String area, List<SuccessorChoice> items, int page, int size,
                                   long totalItems, long totalPages) {
}
