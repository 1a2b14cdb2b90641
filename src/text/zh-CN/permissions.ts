// What a refused permission says (src/domain/permissions.ts): the reply to someone whose role or
// scope does not allow what they asked. Each ends by pointing to the administrator.

const ASK = '如需调整请联系管理员。';

export const permissions = {
  /** what an action means in a sentence: "不能为该校提交记录" */
  verbs: {
    submit_record: '为该校提交记录',
    acknowledge: '确认该校的整改事项',
    progress: '报告该校的整改进度',
    done: '报告该校的整改完成',
    request_extension: '为该校申请延期',
    attach: '为该校的整改事项补充材料',
    close: '验收该校的整改事项',
    reject: '退回该校的整改事项',
    approve_extension: '审批该校的延期申请',
    refuse_extension: '审批该校的延期申请',
    reopen: '重新打开该校的整改事项',
    view: '查看该校的整改情况',
    view_scope: '查看督导统计',
    digest: '查看督导日报',
    import_roster: '导入名单',
    bind_chat: '绑定群聊',
    run_jobs: '手动运行任务',
  },
  /** who may do an action, in "只有…可以…" */
  who: {
    supervisor: '督学',
    principal: '学校校长（园长）',
    principalOrSupervisor: '校长（园长）或督学',
    supervisorOrLeader: '督学或领导',
    leader: '领导',
    viewer: '督学、领导或该校校长',
    admin: '管理员',
  },
  /** the words of a verb that name the school, taken out or replaced where no school is meant */
  thisSchool: '该校',
  aSchool: '学校',
  forThisSchool: '为该校',
  ofThisSchool: '该校的',
  /** the place in a refusal when the action concerns no school */
  thisZone: '该责任区',
  inactive: (verb: string) => `您的账号已停用，不能${verb}。${ASK}`,
  wrongRole: (who: string, verb: string) => `只有${who}可以${verb}。${ASK}`,
  missingSchool: '请先指明学校或整改事项编号。',
  notYourSchool: (school: string, verb: string) => `您不是${school}的校长（园长），不能${verb}。${ASK}`,
  notYourZone: (school: string, verb: string) => `您不是${school}的责任督学，不能${verb}。${ASK}`,
  outsideZones: (school: string, verb: string) => `${school}不在您分管的责任区内，不能${verb}。${ASK}`,
};
